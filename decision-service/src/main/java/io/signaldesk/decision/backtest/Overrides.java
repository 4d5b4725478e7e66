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

import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.common.error.Shorten;

/**
 * A backtest request's settings over the service's: each field given is checked (a 400 naming it) and becomes the
 * {@code decision.*} key the live engine reads; what is not given stays the service's. {@code keys} go on top of the
 * service's configuration, {@code settings} is what the run used (shown in the report).
 */
record Overrides(Map<String, String> keys, BacktestSettings settings) {

    static Overrides of(BacktestRequest r, BacktestConfig base) {
        DecisionConfig live = base.config(Map.of());
        Map<String, String> keys = new LinkedHashMap<>();
        Mode mode = r.mode() == null ? base.mode().mode() : parse("mode", r.mode(), Mode.class, "RULES, AI or HYBRID");
        Policy policy = r.policy() == null ? base.mode().policy()
                : parse("policy", r.policy(), Policy.class, "ADVISORY, VETO or AGREE");
        boolean confirm = r.requireConfirmation() == null ? base.requireConfirmation() : r.requireConfirmation();
        int autoMin = r.autoMinConfidence() == null ? base.autoMinConfidence() : r.autoMinConfidence();
        if (autoMin < 1 || autoMin > 10) {
            throw new BacktestInputException("autoMinConfidence", "autoMinConfidence must be 1-10, got " + autoMin);
        }
        long cooldown = live.entryCooldown().toSeconds();
        if (r.entryCooldownSeconds() != null) {
            if (r.entryCooldownSeconds() < 0 || r.entryCooldownSeconds() > 86_400) {
                throw new BacktestInputException("entryCooldownSeconds", "entryCooldownSeconds must be 0-86400");
            }
            cooldown = r.entryCooldownSeconds();
            keys.put("decision.entry-cooldown", cooldown + "s");
        }
        BigDecimal momentum = put(keys, "decision.rules.momentum-pct",
                BacktestService.pct("momentumPct", r.momentumPct(), live.rules().momentumPct(), false, "100"), r.momentumPct());
        BigDecimal bidShare = put(keys, "decision.rules.bid-share",
                BacktestService.pct("bidShare", r.bidShare(), live.rules().bidShare(), false, "1"), r.bidShare());
        BigDecimal flowRatio = put(keys, "decision.rules.flow-ratio",
                BacktestService.pct("flowRatio", r.flowRatio(), live.rules().flowRatio(), false, "1000"), r.flowRatio());
        BigDecimal fee = put(keys, "decision.paper.fee-pct",
                BacktestService.pct("feePct", r.feePct(), live.paper().feePct(), true, "10"), r.feePct());
        BigDecimal slippage = put(keys, "decision.paper.slippage-pct",
                BacktestService.pct("slippagePct", r.slippagePct(), live.paper().slippagePct(), true, "10"), r.slippagePct());
        BigDecimal band = put(keys, "decision.scoring.flat-band-pct",
                BacktestService.pct("flatBandPct", r.flatBandPct(), live.scoring().flatBandPct(), false, "10"), r.flatBandPct());
        BigDecimal equity = put(keys, "decision.paper.initial-equity",
                BacktestService.pct("initialEquity", r.initialEquity(), live.paper().initialEquity(), false, "1000000000"),
                r.initialEquity());
        BigDecimal size = put(keys, "decision.paper.default-size-pct",
                BacktestService.pct("sizePct", r.sizePct(), live.paper().defaultSizePct(), false, "100"), r.sizePct());
        BigDecimal stop = put(keys, "decision.paper.default-stop-loss-pct",
                BacktestService.pct("stopLossPct", r.stopLossPct(), live.paper().defaultStopLossPct(), false, "100"),
                r.stopLossPct());
        BigDecimal target = put(keys, "decision.paper.take-profit-pct",
                BacktestService.pct("takeProfitPct", r.takeProfitPct(), live.paper().takeProfitPct(), false, "1000"),
                r.takeProfitPct());
        String edgeMode = live.edge().mode().name().toLowerCase(Locale.ROOT);
        if (r.edgeMode() != null) {
            try {
                edgeMode = io.signaldesk.core.edge.EdgeGate.parse(r.edgeMode()).name().toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new BacktestInputException("edgeMode", "edgeMode must be gate, advise or off, got '"
                        + Shorten.text(r.edgeMode()) + "'");
            }
            keys.put("decision.edge.mode", edgeMode);
        }
        List<Integer> horizons = live.scoring().horizons().stream().map(d -> (int) Math.max(1, d.toMinutes())).toList();
        if (r.horizonsMinutes() != null) {
            horizons = r.horizonsMinutes();
            if (horizons.isEmpty() || horizons.size() > 6 || horizons.stream().anyMatch(h -> h == null || h < 1 || h > 1440)
                    || horizons.stream().distinct().count() != horizons.size()) {
                throw new BacktestInputException("horizonsMinutes", "horizonsMinutes must be 1-6 distinct values of 1-1440");
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
        String analyzerUrl = mode == Mode.RULES ? null : analyzerUrl(r.analyzerUrl(), base);
        Long sentimentEvery = r.sentimentEverySeconds() == null ? null : sentimentEverySeconds(r.sentimentEverySeconds(), null);
        if (usesSentiment(mode, policy) && sentimentEvery == null) {
            sentimentEvery = sentimentEverySeconds(null, live.backtest().sentimentEvery());
        } else if (!usesSentiment(mode, policy)) {
            sentimentEvery = null; // RULES and HYBRID VETO/ADVISORY never read a sentiment: none is asked
        }
        BacktestSettings settings = new BacktestSettings(mode, policy, confirm, autoMin, cooldown, momentum, bidShare,
                flowRatio, fee, slippage, equity, size, stop, target, live.exitCheck().every().toSeconds(),
                live.exitCheck().adverseMovePct(), List.copyOf(horizons), band, base.limits(), analyzerUrl, sentimentEvery,
                new BacktestSettings.Edge(edgeMode, live.edge().minSample(), live.edge().confidence(),
                        live.edge().priorStrength(), live.edge().horizon().toMinutes()));
        return new Overrides(Map.copyOf(keys), settings);
    }

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
        if (every < MIN_SENTIMENT_EVERY_S || every > MAX_SENTIMENT_EVERY_S) {
            throw new BacktestInputException("sentimentEverySeconds", "sentimentEverySeconds must be %d-%d, got %d"
                    .formatted(MIN_SENTIMENT_EVERY_S, MAX_SENTIMENT_EVERY_S, every));
        }
        return every;
    }

    static final long MIN_SENTIMENT_EVERY_S = 30;
    static final long MAX_SENTIMENT_EVERY_S = 86_400;

    private static BigDecimal put(Map<String, String> keys, String key, BigDecimal value, BigDecimal given) {
        if (given != null) {
            keys.put(key, value.toPlainString());
        }
        return value;
    }

    private static <E extends Enum<E>> E parse(String field, String text, Class<E> type, String allowed) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BacktestInputException(field, field + " must be " + allowed + ", got '" + Shorten.text(text) + "'");
        }
    }

    /** The request's analyzer, else the one the service asks live. */
    private static String analyzerUrl(String given, BacktestConfig base) {
        String url = given == null || given.isBlank() ? base.values().get("quarkus.rest-client.ai-analyzer.url") : given;
        if (url == null || url.isBlank()) {
            throw new BacktestInputException("analyzerUrl", "AI and HYBRID backtests need analyzerUrl (ai-analyzer-service, "
                    + "e.g. http://localhost:8082)");
        }
        if (url.length() > 500) {
            throw new BacktestInputException("analyzerUrl", "analyzerUrl is longer than 500 characters");
        }
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new BacktestInputException("analyzerUrl", "analyzerUrl must be an http(s) URL, got '" + Shorten.text(url) + "'");
        }
        return url;
    }
}
