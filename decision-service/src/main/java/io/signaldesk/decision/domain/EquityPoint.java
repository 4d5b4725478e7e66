package io.signaldesk.decision.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/** Equity at one instant, for the equity curve. */
@RegisterForReflection
public record EquityPoint(Instant at, BigDecimal equity) {
}
