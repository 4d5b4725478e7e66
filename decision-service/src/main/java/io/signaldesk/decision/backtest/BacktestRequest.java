package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/backtest}. Give {@code files} (coin → CSV name in the data directory), {@code paths}
 * (names; the coin is the file name's leading letters before USDT, as in BTCUSDT-1m-2024Q4.csv) and/or
 * {@code csv} (coin → the CSV text itself). Every other field is optional; the defaults are the service's own
 * {@code decision.*} settings. {@code from}/{@code to}: ISO-8601 UTC instants on whole minutes (from inclusive,
 * to exclusive). {@code outputDir}: a folder name in the data directory (default backtest).
 */
public record BacktestRequest(Map<String, String> files, List<String> paths, Map<String, String> csv, String mode,
        BigDecimal feePct, BigDecimal slippagePct, BigDecimal flatBandPct, BigDecimal sizePct, BigDecimal stopLossPct,
        BigDecimal takeProfitPct, BigDecimal initialEquity, List<Integer> horizonsMinutes, String from, String to,
        String analyzerUrl, Integer aiEveryMinutes, String outputDir) {
}
