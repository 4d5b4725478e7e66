package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several coins' closes on one clock: bar {@code i} of every coin opens at {@code start} + i minutes (the series are
 * gapless, so the times are implicit). Coins whose files cover different spans are cut to the span all of them cover,
 * and that is reported.
 */
public record AlignedCandles(List<String> coins, Instant start, int bars, Map<String, CloseColumn> closes,
        List<String> notes) {

    private static final Duration BAR = Duration.ofMinutes(1);

    /** When bar {@code i} opens. */
    public Instant time(int i) {
        return start.plus(BAR.multipliedBy(i));
    }

    public BigDecimal close(String coin, int index) {
        return closes.get(coin).get(index);
    }

    /** Bars {@code from} (inclusive) to {@code to} (exclusive) of every coin: one walk-forward window. */
    public AlignedCandles slice(int from, int to) {
        Map<String, CloseColumn> cut = new LinkedHashMap<>();
        closes.forEach((coin, column) -> cut.put(coin, column.slice(from, to)));
        return new AlignedCandles(coins, time(from), to - from, cut, notes);
    }

    /** Heap the closes take, in bytes: what a run holds of its candles. */
    public long bytes() {
        return closes.values().stream().mapToLong(CloseColumn::bytes).sum();
    }

    /**
     * Aligns gapless series on their common span within [{@code from}, {@code to}) (either may be null).
     *
     * @throws IllegalArgumentException naming the coins when they share fewer than two bars
     */
    public static AlignedCandles align(List<CandleSeries> series, Instant from, Instant to) {
        List<String> notes = new ArrayList<>();
        Instant start = from;
        Instant end = to;
        StringBuilder spans = new StringBuilder();
        for (CandleSeries s : series) {
            notes.addAll(s.notes());
            Instant first = s.first();
            Instant afterLast = s.time(s.bars());
            start = start == null || first.isAfter(start) ? first : start;
            end = end == null || afterLast.isBefore(end) ? afterLast : end;
            spans.append("%s %d bars %s → %s; ".formatted(s.coin(), s.bars(), first, afterLast));
        }
        long bars = start.isBefore(end) ? Duration.between(start, end).toMinutes() : 0;
        if (bars < 2) {
            throw new IllegalArgumentException("the files share fewer than 2 bars within the requested range: "
                    + spans.substring(0, spans.length() - 2));
        }
        Map<String, CloseColumn> aligned = new LinkedHashMap<>();
        boolean trimmed = false;
        for (CandleSeries s : series) {
            int offset = (int) Duration.between(s.keptFrom(), start).toMinutes(); // the kept bars hold the aligned span
            aligned.put(s.coin(), s.closes().slice(offset, offset + (int) bars).compact()); // a day of a year's file keeps a day
            trimmed |= s.bars() != bars;
        }
        if (trimmed) {
            notes.add("coins differ in length or range (%s) — used the %d bars all of them cover: %s → %s"
                    .formatted(spans.toString().replaceAll("; $", ""), bars, start, end));
        }
        return new AlignedCandles(List.copyOf(aligned.keySet()), start, (int) bars, aligned, List.copyOf(notes));
    }
}
