package io.signaldesk.core.evaluation;

import java.util.ArrayList;
import java.util.List;

import io.signaldesk.core.scoring.SignalScorer;

/**
 * Whether the stated confidence means what it says. A call's confidence c (1-10) is read as the probability c/10
 * that its direction is right; over the directional calls (the ones {@link DirectionAccuracy} counts) the Brier score
 * is the mean of (c/10 − hit)² (0 perfect, 0.25 a constant 50 % on a coin flip), and the reliability table sets the
 * stated probability beside the observed rate in each confidence bucket.
 */
public record Calibration(int calls, Double brier, List<Bucket> buckets) {

    /** One confidence bucket: stated probability (mean c/10) beside the observed direction accuracy. */
    public record Bucket(String bucket, double statedProbability, DirectionAccuracy observed) {
    }

    /** One directional call as calibration reads it: its stated confidence 1-10 and whether it was right. */
    public record Forecast(int confidence, boolean hit) {
    }

    public static Calibration of(List<Call> calls) {
        return ofForecasts(calls.stream().filter(Call::directional).map(c -> new Forecast(c.confidence(), c.hit())).toList());
    }

    /** {@code forecasts}: directional calls only (LONG/SHORT whose move passed the flat band). */
    public static Calibration ofForecasts(List<Forecast> forecasts) {
        double brier = 0;
        for (Forecast f : forecasts) {
            double gap = f.confidence() / 10.0 - (f.hit() ? 1 : 0);
            brier += gap * gap;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int lowest : new int[] { 1, 4, 7 }) {
            String name = SignalScorer.bucket(lowest);
            List<Forecast> in = forecasts.stream().filter(f -> SignalScorer.bucket(f.confidence()).equals(name)).toList();
            if (!in.isEmpty()) {
                double stated = in.stream().mapToInt(Forecast::confidence).average().orElseThrow() / 10.0;
                buckets.add(new Bucket(name, stated,
                        DirectionAccuracy.of((int) in.stream().filter(Forecast::hit).count(), in.size())));
            }
        }
        return new Calibration(forecasts.size(), forecasts.isEmpty() ? null : brier / forecasts.size(),
                List.copyOf(buckets));
    }
}
