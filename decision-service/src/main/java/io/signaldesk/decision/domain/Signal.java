package io.signaldesk.decision.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.trade.Direction;

/**
 * A call someone made about a coin at an instant (acted on or not), with the price then, what the momentum-only
 * baseline would have said at the same instant, and the market the price is of ({@code FeedIdentity.market}; null: not
 * recorded, a signal from before markets were).
 */
@RegisterForReflection
public record Signal(String coin, String source, Direction direction, int confidence, BigDecimal price,
        Direction momentumDirection, Instant at, String market) {

    /** A call whose market the scoring service fills in: the market its coin is priced on when it is recorded. */
    public Signal(String coin, String source, Direction direction, int confidence, BigDecimal price,
            Direction momentumDirection, Instant at) {
        this(coin, source, direction, confidence, price, momentumDirection, at, null);
    }

    /** The same call on {@code other}. */
    public Signal on(String other) {
        return new Signal(coin, source, direction, confidence, price, momentumDirection, at, other);
    }
}
