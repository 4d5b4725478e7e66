package io.signaldesk.decision.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One coin's file: {@code bars} gapless, sorted 1-minute bars from {@code first} (bar {@code i} opens at {@code first}
 * + i minutes), of which the closes of those from {@code keptFrom} on are kept ({@link CandleCsvReader.Keep}: the
 * requested range), with what was repaired while reading them.
 */
public record CandleSeries(String coin, String file, Instant first, int bars, Instant keptFrom, CloseColumn closes,
        List<String> notes) {

    /** When bar {@code i} of the file opens. */
    public Instant time(int i) {
        return first.plus(Duration.ofMinutes(i));
    }
}
