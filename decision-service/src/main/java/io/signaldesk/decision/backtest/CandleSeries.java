package io.signaldesk.decision.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The gapless, sorted 1-minute closes of one coin (bar {@code i} opens at {@code start} + i minutes), with what was
 * repaired while reading them.
 */
public record CandleSeries(String coin, String file, Instant start, CloseColumn closes, List<String> notes) {

    public int bars() {
        return closes.size();
    }

    /** When bar {@code i} opens. */
    public Instant time(int i) {
        return start.plus(Duration.ofMinutes(i));
    }
}
