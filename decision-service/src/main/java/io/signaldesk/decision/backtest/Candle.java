package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/** One 1-minute bar; {@code time} is the bar's open time (UTC). */
public record Candle(Instant time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        BigDecimal volume) {
}
