package io.signaldesk.analyzer.evaluate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.core.evaluation.Calibration;
import io.signaldesk.core.evaluation.DirectionAccuracy;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.core.trade.Direction;

/**
 * Turns a model's observations into its {@link ModelScore}. Percentiles are nearest-rank. A sentiment signal
 * is scored with the trading core's {@link SignalScorer} (the decision service's rule and default band): it hits
 * when LONG and the move is above +0.05 %, SHORT and below -0.05 %, WAIT and within the band. Quality Score = round(100 x (0.4 x
 * valid-output rate + 0.3 x hit rate 1m + 0.3 x hit rate 5m)), an unscored hit rate counting 0.
 */
public final class EvaluationScorer {

    /** The decision service's default flat band (decision.scoring.flat-band-pct), from the trading core. */
    public static final BigDecimal FLAT_BAND_PCT = SignalScorer.FLAT_BAND_PCT;

    private EvaluationScorer() {
    }

    public static ModelScore score(String model, List<Observation> observations, Long ramBytes) {
        int n = observations.size();
        List<Long> times = observations.stream().map(Observation::elapsedMs).sorted().toList();
        long modelMs = observations.stream().mapToLong(Observation::modelMs).sum();
        long tokens = observations.stream().mapToLong(Observation::completionTokens).sum();
        BigDecimal tokensPerSecond = modelMs == 0 ? null
                : BigDecimal.valueOf(tokens * 1000).divide(BigDecimal.valueOf(modelMs), 1, RoundingMode.HALF_UP);
        List<Observation> signals = observations.stream()
                .filter(o -> o.type() == AnalysisType.SENTIMENT && o.fallback() == null && o.signal() != null).toList();
        List<Boolean> hits1m = hits(signals, Observation::move1mPct);
        List<Boolean> hits5m = hits(signals, Observation::move5mPct);
        BigDecimal valid = rate(observations, Observation::validFirst);
        BigDecimal hit1m = share(hits1m);
        BigDecimal hit5m = share(hits5m);
        double quality = 0.4 * valid.doubleValue() + 0.3 * orZero(hit1m) + 0.3 * orZero(hit5m);
        return new ModelScore(model, n, percentile(times, 50), percentile(times, 95), tokensPerSecond, valid,
                rate(observations, Observation::reprompted), rate(observations, o -> o.fallback() != null),
                hit1m, hits1m.size(), hit5m, hits5m.size(), (int) Math.round(100 * quality), ramBytes,
                direction(signals, Observation::move1mPct, false), direction(signals, Observation::move5mPct, false),
                direction(signals, Observation::move5mPct, true), Calibration.ofForecasts(directional(signals,
                        Observation::move5mPct).stream().filter(o -> o.confidence() > 0)
                        .map(o -> new Calibration.Forecast(o.confidence(), hits(o.signal(), o.move5mPct()))).toList()));
    }

    /**
     * LONG/SHORT signals whose move passed the flat band: how many went the called way (or, {@code alwaysLong}, went
     * up at the same instants).
     */
    private static DirectionAccuracy direction(List<Observation> signals, Function<Observation, BigDecimal> move,
            boolean alwaysLong) {
        List<Observation> calls = directional(signals, move);
        long hits = calls.stream().filter(o -> SignalScorer.actual(move.apply(o), FLAT_BAND_PCT)
                == (alwaysLong ? Direction.LONG : o.signal())).count();
        return DirectionAccuracy.of((int) hits, calls.size());
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it; 0 when empty. */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static boolean hits(Direction signal, BigDecimal movePct) {
        return SignalScorer.hit(signal, movePct, FLAT_BAND_PCT);
    }

    /** LONG/SHORT signals whose move (by {@code move}) is known and passed the flat band. */
    private static List<Observation> directional(List<Observation> signals, Function<Observation, BigDecimal> move) {
        return signals.stream().filter(o -> move.apply(o) != null && o.signal() != Direction.WAIT
                && SignalScorer.actual(move.apply(o), FLAT_BAND_PCT) != Direction.WAIT).toList();
    }

    private static List<Boolean> hits(List<Observation> signals, Function<Observation, BigDecimal> move) {
        return signals.stream().filter(o -> move.apply(o) != null).map(o -> hits(o.signal(), move.apply(o))).toList();
    }

    private static BigDecimal rate(List<Observation> observations, Predicate<Observation> counted) {
        return ratio(observations.stream().filter(counted).count(), observations.size());
    }

    private static BigDecimal share(List<Boolean> hits) {
        return hits.isEmpty() ? null : ratio(hits.stream().filter(Boolean::booleanValue).count(), hits.size());
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static double orZero(BigDecimal rate) {
        return Objects.requireNonNullElse(rate, BigDecimal.ZERO).doubleValue();
    }
}
