package io.signaldesk.core.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.signaldesk.core.exit.ExitSettings;
import io.signaldesk.core.rules.RuleThresholds;

/**
 * The market data the strategy's defaults were chosen on, stated once: a backtest over a period that overlaps it is
 * in-sample, and its figures flatter the strategy; only a period outside it is held out. The sample data is the
 * Binance BTC, ETH and SOL 1-minute candles of 2024-10-01 03:00 → 11-04 20:20 UTC ({@code ../shared/data/klines-1m}).
 * <ul>
 * <li>{@link #DEFAULTS}: the rules' thresholds, exits, sizing and edge gate settings were looked at on the first
 * three weeks, to 2024-10-21 00:00 (README, 2026-12-07: "the period the defaults may have been looked at");</li>
 * <li>{@link #EDGE_HORIZON}: {@code strategy.edge.horizon} (15m) was set afterwards to the median holding time of the
 * rules' 1,104 round trips over the whole file (commit ee9bdf7): from how long trades lasted, not from what they
 * returned, but on the weeks held out from the rest too.</li>
 * </ul>
 */
public final class Tuning {

    /** A period of market data some defaults were chosen on: {@code [from, to)}. */
    public record Period(String what, Instant from, Instant to, String how) {
        public Period {
            Objects.requireNonNull(what, "what");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("from must be before to");
            }
        }

        /** Whether market data from {@code first} to {@code last} (both included) has any minute of it. */
        public boolean overlaps(Instant first, Instant last) {
            return first.isBefore(to) && !last.isBefore(from);
        }

        /** "2024-10-01 03:00 → 2024-10-21 00:00 UTC". */
        public String span() {
            return MINUTE.format(from) + " → " + MINUTE.format(to) + " UTC";
        }
    }

    /** What a backtest's period is to the defaults: in-sample (its figures flatter them) or held out. */
    public enum Kind {
        IN_SAMPLE("in-sample"), HELD_OUT("held out");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A report's period judged against the tuning: {@code note} is the sentence a report shows beside its verdict. */
    public record Sample(Kind kind, String note) {
    }

    /** The data the defaults were tuned on. */
    public static final String DATA = "Binance BTC, ETH and SOL 1-minute candles";

    public static final Period DEFAULTS = new Period("the defaults (rules, exits, sizing, edge gate)",
            Instant.parse("2024-10-01T03:00:00Z"), Instant.parse("2024-10-21T00:00:00Z"), "looked at while they were chosen");

    public static final Period EDGE_HORIZON = new Period("the edge gate's horizon (strategy.edge.horizon, 15m)",
            Instant.parse("2024-10-01T03:00:00Z"), Instant.parse("2024-11-04T20:20:00Z"),
            "the median holding time of the rules' round trips over the whole file (how long trades lasted, not what they returned)");

    /** Every period, the defaults' first. */
    public static final List<Period> PERIODS = List.of(DEFAULTS, EDGE_HORIZON);

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Tuning() {
    }

    /** The market data from {@code first} to {@code last} (both included, market time) against the tuning periods. */
    public static Sample of(Instant first, Instant last) {
        return of(first, last, StrategySettings.DEFAULTS);
    }

    /**
     * The same for a run of {@code strategy}: where its tuned parts are not the defaults, the note names them, as
     * nothing here knows on what data those were chosen (a trader trying settings on a held-out period makes it
     * in-sample for them).
     */
    public static Sample of(Instant first, Instant last, StrategySettings strategy) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        List<String> changed = departures(strategy);
        String yours = changed.isEmpty() ? "" : "; this run changes " + String.join(", ", changed)
                + " from the defaults: the data they were chosen on is not known here, and a period they were chosen by "
                + "looking at is in-sample for them";
        if (DEFAULTS.overlaps(first, last)) {
            return new Sample(Kind.IN_SAMPLE, "in-sample: the defaults were tuned on " + DEFAULTS.span() + " (" + DATA
                    + "), which this period overlaps; these figures flatter the strategy" + yours);
        }
        String note = "held out: outside " + DEFAULTS.span() + ", the period the defaults were tuned on (" + DATA + ")";
        if (EDGE_HORIZON.overlaps(first, last)) {
            note += "; only " + EDGE_HORIZON.what() + " was set on data including it: " + EDGE_HORIZON.how() + ", "
                    + EDGE_HORIZON.span();
        }
        return new Sample(Kind.HELD_OUT, note + yours);
    }

    /**
     * The tuned parts of {@code strategy} that differ from the defaults (the costs and the gate's mode are the trader's
     * choices of what to measure, not tuned; numbers compare by value, 0.20 is 0.2).
     */
    public static List<String> departures(StrategySettings strategy) {
        StrategySettings d = StrategySettings.DEFAULTS;
        List<String> changed = new ArrayList<>();
        RuleThresholds r = strategy.rules();
        if (differ(r.momentumPct(), d.rules().momentumPct()) || differ(r.bidShare(), d.rules().bidShare())
                || differ(r.flowRatio(), d.rules().flowRatio())) {
            changed.add("the rules' thresholds");
        }
        if (!strategy.entryCooldown().equals(d.entryCooldown())) {
            changed.add("the entry cooldown");
        }
        ExitSettings x = strategy.exits();
        if (differ(x.stopLossPct(), d.exits().stopLossPct()) || differ(x.takeProfitPct(), d.exits().takeProfitPct())
                || !x.checkEvery().equals(d.exits().checkEvery()) || differ(x.adverseMovePct(), d.exits().adverseMovePct())) {
            changed.add("the exits");
        }
        if (differ(strategy.sizing().sizePct(), d.sizing().sizePct())) {
            changed.add("the entry size");
        }
        StrategySettings.Edge e = strategy.edge();
        if (!e.judge().equals(d.edge().judge()) || !e.horizon().equals(d.edge().horizon())
                || !e.regimeWindow().equals(d.edge().regimeWindow())) {
            changed.add("the edge gate's judge, horizon or regime window");
        }
        return changed;
    }

    private static boolean differ(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) != 0;
    }
}
