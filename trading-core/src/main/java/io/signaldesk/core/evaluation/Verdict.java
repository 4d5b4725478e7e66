package io.signaldesk.core.evaluation;

import java.util.Locale;

/**
 * The one line a trader reads first. Positive only when the lower end of the expectancy's 95 % interval is above zero;
 * below {@link #MIN_TRADES} closed trades it says there are too few to tell; without trades (an engine that stood
 * aside) it says so and gives the calls' direction.
 */
public final class Verdict {

    /** Fewer closed trades than this are not judged. */
    public static final int MIN_TRADES = 30;

    private Verdict() {
    }

    public static String of(Scorecard s) {
        Expectancy e = s.expectancy();
        String direction = direction(s.direction());
        if (e.trades() == 0 && s.direction().calls() == 0) {
            return "nothing measured yet: no closed trades and no directional calls";
        }
        if (e.trades() == 0) {
            return "no trades: nothing was entered, the result is always-WAIT's 0 %; the calls: " + direction;
        }
        if (e.trades() < MIN_TRADES) {
            return "too few trades to measure an edge: %d closed (at least %d needed), expectancy %s %% per trade%s%s"
                    .formatted(e.trades(), MIN_TRADES, pct(e.meanPct()), interval(e),
                            direction.isEmpty() ? "" : "; " + direction);
        }
        String figures = "expectancy %s %% per trade%s over %d trades%s".formatted(pct(e.meanPct()), interval(e),
                e.trades(), direction.isEmpty() ? "" : ", " + direction);
        if (e.positive()) {
            return "measured edge after costs: " + figures;
        }
        if (e.highPct() != null && e.highPct() < 0) {
            return "no measured edge after costs, worse than always-WAIT: " + figures;
        }
        return "no measured edge after costs: " + figures;
    }

    private static String direction(DirectionAccuracy d) {
        return d.calls() == 0 ? "" : "direction %s %% of %d calls [%s, %s], p %s".formatted(
                String.format(Locale.ROOT, "%.1f", d.rate() * 100), d.calls(),
                String.format(Locale.ROOT, "%.1f", d.low() * 100), String.format(Locale.ROOT, "%.1f", d.high() * 100),
                p(d.pValue()));
    }

    /**
     * An expectancy's interval: " [-0.335, -0.244]", or what stands in for it when its trades are on fewer than
     * {@link Expectancy#MIN_DAYS} UTC days.
     */
    public static String interval(Expectancy e) {
        if (e.lowPct() != null) {
            return " [%s, %s]".formatted(pct(e.lowPct()), pct(e.highPct()));
        }
        return e.days() <= 1 ? " (all on one UTC day: no interval yet)"
                : " (%d UTC days, %d needed: no interval yet)".formatted(e.days(), Expectancy.MIN_DAYS);
    }

    /** A percent with its sign, 3 decimals: +0.012, -0.281. */
    public static String pct(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%+.3f", value);
    }

    /** A p-value: two significant digits, scientific below 0.001 (1.7e-05). */
    public static String p(Double value) {
        if (value == null) {
            return "-";
        }
        return value < 0.001 ? String.format(Locale.ROOT, "%.1e", value) : String.format(Locale.ROOT, "%.2g", value);
    }
}
