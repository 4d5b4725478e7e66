package io.signaldesk.decision.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The backtest's clock: it reads the market time of the event being replayed, and only ever moves forward. */
public final class SimulatedClock extends Clock {

    private volatile Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    /** Moves to {@code at}; an earlier instant (events of two coins a little out of order) keeps the later one. */
    public void advanceTo(Instant at) {
        if (at != null && at.isAfter(now)) {
            now = at;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
