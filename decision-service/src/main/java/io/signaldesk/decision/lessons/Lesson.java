package io.signaldesk.decision.lessons;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A one-line lesson the model drafted from its scored answers, and what the trader made of it: {@code status}
 * PROPOSED until accepted or rejected; an accepted lesson is in the analyzer's system message until RETIRED.
 * {@code tokens} is the lesson's estimated size in the system message ({@link LessonBounds#tokens}).
 */
@RegisterForReflection
public record Lesson(long id, String line, Status status, Instant proposedAt, Instant decidedAt, String model,
        Evidence evidence, int tokens) {

    public enum Status { PROPOSED, ACCEPTED, REJECTED, RETIRED }

    /**
     * What a lesson rests on, computed from the ledger (never taken from the model): the setups it names (kind, coin,
     * side: "ENTRY BTC LONG"), their scored answers and how many were right, and the mean net result after costs of
     * acting on every one of them (percent), with a normal 95 % interval (null below two answers).
     */
    @RegisterForReflection
    public record Evidence(List<String> setups, int decisions, int right, BigDecimal netPct, BigDecimal netLowPct,
            BigDecimal netHighPct) {

        public Evidence {
            setups = List.copyOf(setups);
        }
    }

    public Lesson with(Status newStatus, Instant at) {
        return new Lesson(id, line, newStatus, proposedAt, at, model, evidence, tokens);
    }
}
