package io.signaldesk.decision.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A call someone made about a coin at an instant (acted on or not), with the price then and what the
 * momentum-only baseline would have said at the same instant.
 */
@RegisterForReflection
public record Signal(String coin, String source, Direction direction, int confidence, BigDecimal price,
        Direction momentumDirection, Instant at) {
}
