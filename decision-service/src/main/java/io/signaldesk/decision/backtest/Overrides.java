package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.exit.ExitSettings;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.rules.RuleThresholds;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.common.error.Shorten;

/**
 * A backtest request's settings over the service's: each field given is checked (a 400 naming it). The strategy's
 * fields (rules, cooldown, exits, sizing, costs, edge gate) are applied to the service's {@link StrategySettings}
 * record, the one the engine trades ({@code strategy}); the run's other settings become the {@code decision.*} keys
 * the engine reads ({@code keys}, on top of the service's configuration); {@code settings} is what the run used
 * (shown in the report).
 */
record Overrides(Map<String, String> keys, StrategySettings strategy, BacktestSettings settings) {

    static Overrides of(BacktestRequest r, BacktestConfig base) {
        DecisionConfig live = base.config(Map.of());
        StrategySettings strategy = base.strategy();
        Map<String, String> keys = new LinkedHashMap<>();
        Mode mode = r.mode() == null ? base.mode().mode() : parse("mode", r.mode(), Mode.class, "RULES, AI or HYBRID");
        Policy policy = r.policy() == null ? base.mode().policy()
                : parse("policy", r.policy(), Policy.class, "ADVISORY, VETO or AGREE");
        boolean confirm = r.requireConfirmation() == null ? base.requireConfirmation() : r.requireConfirmation();
        int autoMin = BacktestBounds.whole("autoMinConfidence", r.autoMinConfidence(), base.autoMinConfidence());
        if (r.entryCooldownSeconds() != null) {
            strategy = strategy.withEntryCooldown(Duration.ofSeconds(BacktestBounds.whole("entryCooldownSeconds",
                    r.entryCooldownSeconds(), 0)));
        }
        RuleThresholds rules = strategy.rules();
        BigDecimal momentum = BacktestBounds.decimal("momentumPct", r.momentumPct(), rules.momentumPct());
        BigDecimal bidShare = BacktestBounds.decimal("bidShare", r.bidShare(), rules.bidShare());
        BigDecimal flowRatio = BacktestBounds.decimal("flowRatio", r.flowRatio(), rules.flowRatio());
        strategy = strategy.withRules(checked("momentumPct", () -> new RuleThresholds(momentum, bidShare, flowRatio)));
        FeeModel costs = strategy.costs();
        BigDecimal fee = BacktestBounds.decimal("feePct", r.feePct(), costs.takerFeePct());
        BigDecimal slippage = BacktestBounds.decimal("slippagePct", r.slippagePct(), costs.slippagePct());
        strategy = strategy.withCosts(new FeeModel(fee, slippage));
        BigDecimal band = BacktestBounds.decimal("flatBandPct", r.flatBandPct(), live.scoring().flatBandPct());
        if (r.flatBandPct() != null) {
            keys.put("decision.scoring.flat-band-pct", band.toPlainString());
        }
        StrategySettings.Sizing sizing = strategy.sizing();
        BigDecimal equity = BacktestBounds.decimal("initialEquity", r.initialEquity(), sizing.initialEquity());
        BigDecimal size = BacktestBounds.decimal("sizePct", r.sizePct(), sizing.sizePct());
        strategy = strategy.withSizing(new StrategySettings.Sizing(equity, size));
        ExitSettings exits = strategy.exits();
        BigDecimal stop = BacktestBounds.decimal("stopLossPct", r.stopLossPct(), exits.stopLossPct());
        BigDecimal target = BacktestBounds.decimal("takeProfitPct", r.takeProfitPct(), exits.takeProfitPct());
        strategy = strategy.withExits(checked("stopLossPct", () -> new ExitSettings(stop, target, exits.checkEvery(), exits.adverseMovePct())));
        if (r.edgeMode() != null) {
            try {
                strategy = strategy.withEdge(strategy.edge().withMode(EdgeGate.parse(r.edgeMode())));
            } catch (IllegalArgumentException e) {
                throw new BacktestInputException("edgeMode", "edgeMode must be gate, advise or off, got '"
                        + Shorten.text(r.edgeMode()) + "'");
            }
        }
        String edgeMode = strategy.edge().mode().name().toLowerCase(Locale.ROOT);
        List<Integer> horizons = live.scoring().horizons().stream().map(d -> (int) Math.max(1, d.toMinutes())).toList();
        if (r.horizonsMinutes() != null) {
            horizons = r.horizonsMinutes();
            if (horizons.isEmpty() || horizons.size() > BacktestBounds.MAX_HORIZONS
                    || horizons.stream().anyMatch(h -> h == null || h < 1 || h > BacktestBounds.MAX_HORIZON_MINUTES)
                    || horizons.stream().distinct().count() != horizons.size()) {
                throw new BacktestInputException("horizonsMinutes", "horizonsMinutes must be 1-" + BacktestBounds.MAX_HORIZONS
                        + " distinct values of 1-" + BacktestBounds.MAX_HORIZON_MINUTES);
            }
            keys.put("decision.scoring.horizons", horizons.stream().map(h -> h + "m").collect(Collectors.joining(",")));
        }
        // the price history must reach back over the longest horizon and the time between two scorings of the run
        int longest = Collections.max(horizons);
        Duration window = Duration.ofMinutes(longest + 2L).plus(BacktestRunner.SCORE_EVERY);
        if (live.feed().historyWindow().compareTo(window) < 0) {
            keys.put("decision.feed.history-window", window.toMinutes() + "m");
        }
        keys.put("decision.scoring.keep", "5000000"); // every outcome of a long run counts in its accuracy
        keys.put("decision.engine-enabled", "true");
        if (r.analyzerUrl() != null) {
            checkedUrl(r.analyzerUrl()); // refused when malformed (blank too), in RULES mode too, where it is not asked
        }
        String analyzerUrl = mode == Mode.RULES ? null : analyzerUrl(r.analyzerUrl(), base);
        Long sentimentEvery = r.sentimentEverySeconds() == null ? null : sentimentEverySeconds(r.sentimentEverySeconds(), null);
        if (usesSentiment(mode, policy) && sentimentEvery == null) {
            sentimentEvery = sentimentEverySeconds(null, live.backtest().sentimentEvery());
        } else if (!usesSentiment(mode, policy)) {
            sentimentEvery = null; // RULES and HYBRID VETO/ADVISORY never read a sentiment: none is asked
        }
        StrategySettings.Edge edge = strategy.edge();
        BacktestSettings settings = new BacktestSettings(mode, policy, confirm, autoMin,
                strategy.entryCooldown().toSeconds(), momentum, bidShare, flowRatio, fee, slippage, equity, size, stop,
                target, exits.checkEvery().toSeconds(), exits.adverseMovePct(), List.copyOf(horizons), band,
                base.limits(), analyzerUrl, sentimentEvery, new BacktestSettings.Edge(edgeMode, edge.judge().minSample(),
                        edge.judge().confidence(), edge.judge().priorStrength(), edge.horizon().toMinutes()));
        return new Overrides(Map.copyOf(keys), strategy, settings);
    }

    /**
     * A part of the strategy built from checked fields; a value the core refuses is a 400 naming the field its message
     * starts with (the core names the component: "bidShare must be in [0.5, 1]: 0.3"), else {@code field}.
     */
    private static <T> T checked(String field, java.util.function.Supplier<T> part) {
        try {
            return part.get();
        } catch (IllegalArgumentException e) {
            String named = e.getMessage() == null ? "" : e.getMessage().split(" ", 2)[0];
            throw new BacktestInputException(STRATEGY_FIELDS.contains(named) ? named : field, e.getMessage());
        }
    }

    private static final java.util.Set<String> STRATEGY_FIELDS = java.util.Set.of("momentumPct", "bidShare", "flowRatio",
            "stopLossPct", "takeProfitPct");

    /** The modes whose engine reads the analyzer's sentiment: AI (a candidate of its own) and HYBRID with AGREE. */
    static boolean usesSentiment(Mode mode, Policy policy) {
        return mode == Mode.AI || mode == Mode.HYBRID && policy == Policy.AGREE;
    }

    /**
     * The sentiment cadence in market time: at least {@link #MIN_SENTIMENT_EVERY_S} (the live cadence; asking more often
     * would not be the strategy that trades and would cost more model calls), at most a day.
     */
    private static long sentimentEverySeconds(Integer given, Duration configured) {
        long every = given == null ? configured.toSeconds() : given;
        return BacktestBounds.NUMBERS.get("sentimentEverySeconds").check(java.math.BigDecimal.valueOf(every)).longValueExact();
    }

    static final long MIN_SENTIMENT_EVERY_S = 30;
    static final long MAX_SENTIMENT_EVERY_S = 86_400;

    private static <E extends Enum<E>> E parse(String field, String text, Class<E> type, String allowed) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BacktestInputException(field, field + " must be " + allowed + ", got '" + Shorten.text(text) + "'");
        }
    }

    /** The request's analyzer, else the one the service asks live. */
    private static String analyzerUrl(String given, BacktestConfig base) {
        String url = given == null ? base.values().get("quarkus.rest-client.ai-analyzer.url") : given;
        if (url == null || url.isBlank()) {
            throw new BacktestInputException("analyzerUrl", "AI and HYBRID backtests need analyzerUrl (ai-analyzer-service, "
                    + "e.g. http://localhost:8082)");
        }
        return checkedUrl(url);
    }

    /** An http(s) URL with a host, at most {@link BacktestBounds#MAX_URL} characters ({@link BacktestBounds#URL_PATTERN}). */
    private static String checkedUrl(String url) {
        if (url.length() > BacktestBounds.MAX_URL) {
            throw new BacktestInputException("analyzerUrl", "analyzerUrl is longer than " + BacktestBounds.MAX_URL + " characters");
        }
        try {
            URI uri = URI.create(url);
            if (!url.matches(BacktestBounds.URL_PATTERN) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new BacktestInputException("analyzerUrl", "analyzerUrl must be an http(s) URL, got '" + Shorten.text(url) + "'");
        }
        return url;
    }
}
