package io.signaldesk.core.edge;

import java.util.Locale;
import java.util.Objects;

import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.core.trade.Direction;

/**
 * One setup of the engine, whose calls share a track record: coin, who called it (RULES, AI, RULES+AI), the direction
 * (LONG or SHORT), the confidence bucket ({@link SignalScorer#bucket}) and the volatility regime.
 */
public record SetupKey(String coin, String source, Direction direction, String bucket, VolatilityRegime regime) {

    public SetupKey {
        Objects.requireNonNull(coin, "coin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(regime, "regime");
        if (direction == null || direction == Direction.WAIT) {
            throw new IllegalArgumentException("a setup is a LONG or SHORT call, got " + direction);
        }
        if (!bucket.equals(SignalScorer.bucket(1)) && !bucket.equals(SignalScorer.bucket(4))
                && !bucket.equals(SignalScorer.bucket(7))) {
            throw new IllegalArgumentException("unknown confidence bucket " + bucket);
        }
    }

    public static SetupKey of(String coin, String source, Direction direction, int confidence, VolatilityRegime regime) {
        return new SetupKey(coin, source, direction, SignalScorer.bucket(confidence), regime);
    }

    /** As a trader reads it: "BTC LONG, rules, confidence 4-6, calm market". */
    public String label() {
        return "%s %s, %s, confidence %s, %s market".formatted(coin, direction, source.toLowerCase(Locale.ROOT), bucket,
                regime.name().toLowerCase(Locale.ROOT));
    }
}
