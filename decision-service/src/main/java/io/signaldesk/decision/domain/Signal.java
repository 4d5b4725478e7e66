package io.signaldesk.decision.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.trade.Direction;

/**
 * A call someone made about a coin at an instant (acted on or not), with the price then and what the
 * momentum-only baseline would have said at the same instant.
 */
@RegisterForReflection
public record Signal(String coin, String source, Direction direction, int confidence, BigDecimal price,
        Direction momentumDirection, Instant at) {
}
