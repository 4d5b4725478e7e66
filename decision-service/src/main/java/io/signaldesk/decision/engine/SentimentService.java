package io.signaldesk.decision.engine;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;


import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.engine.port.AnalyzerPort.SentimentResult;
import io.signaldesk.decision.domain.Signal;

/** The analyzer's latest sentiment per coin (AI mode's second source of entries); a new one is recorded as a signal. */
public class SentimentService {

    /** The latest sentiment for one coin, with who produced it. */
    @RegisterForReflection
    public record CoinSentiment(SentimentResult result, String source, String model, java.time.Instant at) {
    }

    private final FeedStateService market;
    private final SignalScoringService scoring;
    private final TradingRules rules;
    private final Clock clock;
    private final Map<String, CoinSentiment> sentiments = new ConcurrentHashMap<>();

    SentimentService(FeedStateService market, SignalScoringService scoring, TradingRules rules, Clock clock) {
        this.market = market;
        this.scoring = scoring;
        this.rules = rules;
        this.clock = clock;
    }

    /** Keeps {@code sentiment} as its coin's latest; {@code isNew} (not seen before) also records it as a signal. */
    public void accept(CoinSentiment sentiment, boolean isNew) {
        sentiments.put(sentiment.result().coin(), sentiment);
        if (isNew) {
            recordSignal(sentiment.result(), sentiment.source());
        }
    }

    public Optional<CoinSentiment> of(String coin) {
        return Optional.ofNullable(sentiments.get(coin));
    }

    private void recordSignal(SentimentResult result, String source) {
        Optional<CoinSnapshot> coin = market.latest(result.coin());
        Direction direction = parse(result.signal());
        if (coin.isEmpty() || direction == null || result.confidence() == null) {
            return;
        }
        String label = "AI".equals(source) || "CACHE".equals(source) ? "AI" : "ANALYZER_" + source;
        scoring.record(new Signal(result.coin(), label, direction, Math.max(1, Math.min(10, result.confidence())),
                coin.get().markPrice(), rules.momentumOnly(coin.get().momentum60sPct()), clock.instant()));
    }

    /** A sentiment's signal as a direction; null when it is not one. */
    static Direction parse(String signal) {
        try {
            return signal == null ? null : Direction.valueOf(signal);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
