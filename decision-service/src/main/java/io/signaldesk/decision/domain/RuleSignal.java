package io.signaldesk.decision.domain;

/** What the rules strategy sees in one coin's snapshot. */
public record RuleSignal(Direction direction, int confidence, String reason) {
}
