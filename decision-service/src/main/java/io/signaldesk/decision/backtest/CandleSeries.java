package io.signaldesk.decision.backtest;

import java.util.List;

/** The gapless, sorted 1-minute candles of one coin, with what was repaired while reading them. */
public record CandleSeries(String coin, String file, List<Candle> candles, List<String> notes) {
}
