package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import io.signaldesk.common.json.KnownFieldsOnly;

/**
 * Body of {@code POST /api/backtest}. Market data: {@code files} (coin → 1-minute candle CSV name in the data
 * directory), {@code paths} (CSV names; the coin is the file name's leading letters before USDT) and/or {@code csv}
 * (coin → the CSV text itself); or {@code captures}: raw Binance capture names in the data directory
 * ({@code <receive ns> <json>} lines, plain or gzip, as {@code feed.replay.format=binance-capture} reads them). Every other field is optional and overrides the service's
 * current setting of the same meaning: mode/policy, confirmation ({@code requireConfirmation},
 * {@code autoMinConfidence}), {@code entryCooldownSeconds}, the rules' thresholds ({@code momentumPct},
 * {@code bidShare}, {@code flowRatio}), paper trading ({@code feePct}, {@code slippagePct}, {@code sizePct},
 * {@code stopLossPct}, {@code takeProfitPct}, {@code initialEquity}) and scoring ({@code horizonsMinutes},
 * {@code flatBandPct}). {@code from}/{@code to}: ISO-8601 UTC instants on whole minutes (from inclusive, to exclusive). {@code decisionsOffset}/{@code decisionsLimit}: the page of decisions in the answer (all of them are
 * in the decisions CSV). {@code outputDir}: a folder name in the data directory (default backtest).
 * {@code sentimentEverySeconds}: the scheduled AI sentiment's cadence in market time (AI and HYBRID+AGREE; 30-86400).
 * {@code trials}: how many settings have been tried on this data, this one included (1-10000, default 1), the deflated
 * Sharpe's input, stated in the report.
 * {@code edgeMode}: the edge gate (gate, advise, off; strategy.edge.mode). {@code walkForward}: rolling train/test
 * windows, out-of-sample figures only ({@link WalkForward}). {@code seedTrackRecord}: the run's scored calls join the
 * service's edge track record (only data before now), as calls of the market the data's content is listed as
 * ({@link DataSources}), else of no known market.
 */
@KnownFieldsOnly
public record BacktestRequest(Map<String, String> files, List<String> paths, Map<String, String> csv, List<String> captures,
        String mode, String policy, Boolean requireConfirmation, Integer autoMinConfidence,
        Integer entryCooldownSeconds, BigDecimal momentumPct, BigDecimal bidShare, BigDecimal flowRatio,
        BigDecimal feePct, BigDecimal slippagePct, BigDecimal flatBandPct, BigDecimal sizePct, BigDecimal stopLossPct,
        BigDecimal takeProfitPct, BigDecimal initialEquity, List<Integer> horizonsMinutes, String from, String to,
        String analyzerUrl, Integer decisionsOffset, Integer decisionsLimit, String outputDir, Integer sentimentEverySeconds,
        Integer trials, String edgeMode, WalkForward walkForward, Boolean seedTrackRecord) {

    /**
     * Rolling train/test windows over the candles, in hours: each window's engine learns (its edge track record) on
     * {@code trainHours} and is measured on the next {@code testHours}; windows start every {@code stepHours}. The last
     * {@code holdoutHours} of the data are left out (untouched) unless {@code includeHoldout} is true.
     */
    @KnownFieldsOnly
    public record WalkForward(Integer trainHours, Integer testHours, Integer stepHours, Integer holdoutHours,
            Boolean includeHoldout) {
    }

    /** Without {@code trials} (one setting tried) and the edge gate's fields (edgeMode, walkForward, seedTrackRecord). */
    public BacktestRequest(Map<String, String> files, List<String> paths, Map<String, String> csv, List<String> captures,
            String mode, String policy, Boolean requireConfirmation, Integer autoMinConfidence,
            Integer entryCooldownSeconds, BigDecimal momentumPct, BigDecimal bidShare, BigDecimal flowRatio,
            BigDecimal feePct, BigDecimal slippagePct, BigDecimal flatBandPct, BigDecimal sizePct, BigDecimal stopLossPct,
            BigDecimal takeProfitPct, BigDecimal initialEquity, List<Integer> horizonsMinutes, String from, String to,
            String analyzerUrl, Integer decisionsOffset, Integer decisionsLimit, String outputDir,
            Integer sentimentEverySeconds) {
        this(files, paths, csv, captures, mode, policy, requireConfirmation, autoMinConfidence, entryCooldownSeconds,
                momentumPct, bidShare, flowRatio, feePct, slippagePct, flatBandPct, sizePct, stopLossPct, takeProfitPct,
                initialEquity, horizonsMinutes, from, to, analyzerUrl, decisionsOffset, decisionsLimit, outputDir,
                sentimentEverySeconds, null, null, null, null);
    }

    /** Candles only, every setting the service's own (tests and the command line). */
    public static BacktestRequest ofFiles(Map<String, String> files) {
        return new BacktestRequest(files, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
