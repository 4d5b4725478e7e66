package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.domain.Mode;

/**
 * How a backtest trades and scores. Percentages are percent (0.1 = 0.1 %). {@code aiEveryMinutes}: in AI
 * mode the analyzer is asked for each coin's sentiment every that many bars; in HYBRID mode a rules
 * entry is put to the analyzer at most once per that many bars per coin (opportunities in between
 * are skipped and counted as throttled).
 */
@RegisterForReflection
public record BacktestSettings(Mode mode, BigDecimal feePct, BigDecimal slippagePct, BigDecimal flatBandPct,
        BigDecimal momentumPct, BigDecimal initialEquity, BigDecimal sizePct, BigDecimal stopLossPct,
        BigDecimal takeProfitPct, List<Integer> horizonsMinutes, int aiEveryMinutes, String analyzerUrl) {
}
