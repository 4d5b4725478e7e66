package io.signaldesk.decision.service;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.decision.client.AnalyzerClient;
import io.signaldesk.decision.client.AnalyzerDtos.AiStatus;
import io.signaldesk.decision.client.AnalyzerDtos.Envelope;
import io.signaldesk.decision.client.AnalyzerDtos.SentimentResult;
import io.signaldesk.decision.client.FeedCoin;
import io.signaldesk.decision.domain.Direction;
import io.signaldesk.decision.domain.Signal;

/** What the analyzer last said: its status line, its latest sentiment per coin; new sentiments become signals. */
@ApplicationScoped
public class AnalyzerStatusService {

    /** The latest sentiment for one coin, with who produced it. */
    @RegisterForReflection
    public record CoinSentiment(SentimentResult result, String source, String model, Instant at) {
    }

    private final AnalyzerClient analyzer;
    private final MarketStateService market;
    private final SignalScoringService scoring;
    private final RulesStrategy rules;
    private final Map<String, CoinSentiment> sentiments = new ConcurrentHashMap<>();
    private volatile AiStatus status;
    private volatile Envelope latest;

    AnalyzerStatusService(AnalyzerClient analyzer, MarketStateService market, SignalScoringService scoring,
            RulesStrategy rules) {
        this.analyzer = analyzer;
        this.market = market;
        this.scoring = scoring;
        this.rules = rules;
    }

    /** Fetches status and the latest sentiment; a sentiment not seen before is recorded as a signal. */
    public void poll() {
        analyzer.status().ifPresent(s -> status = s);
        analyzer.latestSentiment().ifPresent(this::accept);
    }

    void accept(Envelope envelope) {
        Envelope previous = latest;
        latest = envelope;
        boolean isNew = previous == null || previous.at() == null || !previous.at().equals(envelope.at());
        analyzer.sentimentOf(envelope).ifPresent(result -> {
            sentiments.put(result.coin(), new CoinSentiment(result, envelope.source(), envelope.model(), envelope.at()));
            if (isNew) {
                recordSignal(result, envelope.source());
            }
        });
    }

    private void recordSignal(SentimentResult result, String source) {
        Optional<FeedCoin> coin = market.latest(result.coin());
        Direction direction = parse(result.signal());
        if (coin.isEmpty() || direction == null || result.confidence() == null) {
            return;
        }
        String label = "AI".equals(source) || "CACHE".equals(source) ? "AI" : "ANALYZER_" + source;
        scoring.record(new Signal(result.coin(), label, direction, Math.max(1, Math.min(10, result.confidence())),
                coin.get().markPrice(), rules.momentumOnly(coin.get().momentum60sPct()), Instant.now()));
    }

    public Optional<CoinSentiment> sentiment(String coin) {
        return Optional.ofNullable(sentiments.get(coin));
    }

    public Optional<AiStatus> status() {
        return Optional.ofNullable(status);
    }

    public Optional<Envelope> latest() {
        return Optional.ofNullable(latest);
    }

    public boolean reachable() {
        return analyzer.reachable() && status != null;
    }

    public Optional<String> lastFailure() {
        return analyzer.lastFailure();
    }

    static Direction parse(String signal) {
        try {
            return signal == null ? null : Direction.valueOf(signal);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
