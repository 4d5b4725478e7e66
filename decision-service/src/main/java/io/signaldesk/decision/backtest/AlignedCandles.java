package io.signaldesk.decision.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several coins' candles on one clock: bar {@code i} of every coin opens at {@code times.get(i)}.
 * Coins whose files cover different spans are cut to the span all of them cover, and that is reported.
 */
public record AlignedCandles(List<String> coins, List<Instant> times, Map<String, List<Candle>> candles,
        List<String> notes) {

    public int bars() {
        return times.size();
    }

    /** Bars {@code from} (inclusive) to {@code to} (exclusive) of every coin: one walk-forward window. */
    public AlignedCandles slice(int from, int to) {
        Map<String, List<Candle>> cut = new LinkedHashMap<>();
        candles.forEach((coin, list) -> cut.put(coin, list.subList(from, to)));
        return new AlignedCandles(coins, times.subList(from, to), cut, notes);
    }

    public Candle candle(String coin, int index) {
        return candles.get(coin).get(index);
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
            Instant first = s.candles().get(0).time();
            Instant afterLast = s.candles().get(s.candles().size() - 1).time().plus(Duration.ofMinutes(1));
            start = start == null || first.isAfter(start) ? first : start;
            end = end == null || afterLast.isBefore(end) ? afterLast : end;
            spans.append("%s %d bars %s → %s; ".formatted(s.coin(), s.candles().size(), first, afterLast));
        }
        long bars = start.isBefore(end) ? Duration.between(start, end).toMinutes() : 0;
        if (bars < 2) {
            throw new IllegalArgumentException("the files share fewer than 2 bars within the requested range: "
                    + spans.substring(0, spans.length() - 2));
        }
        Map<String, List<Candle>> aligned = new LinkedHashMap<>();
        boolean trimmed = false;
        for (CandleSeries s : series) {
            int offset = (int) Duration.between(s.candles().get(0).time(), start).toMinutes();
            aligned.put(s.coin(), s.candles().subList(offset, offset + (int) bars));
            trimmed |= s.candles().size() != bars;
        }
        if (trimmed) {
            notes.add("coins differ in length or range (%s) — used the %d bars all of them cover: %s → %s"
                    .formatted(spans.toString().replaceAll("; $", ""), bars, start, end));
        }
        List<Instant> times = aligned.values().iterator().next().stream().map(Candle::time).toList();
        return new AlignedCandles(List.copyOf(aligned.keySet()), times, aligned, List.copyOf(notes));
    }
}
