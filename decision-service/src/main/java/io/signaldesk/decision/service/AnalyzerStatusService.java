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

    /**
     * Whether answers of the model are actually arriving, apart from the mode chosen: from the last analysis the
     * engine asked for and the analyzer's latest scheduled sentiment, whichever is newer, and the analyzer's status.
     * {@code reason} says why not (ANALYZER_DOWN, MODE_RULES, MODEL_DOWN, TIMEOUT, NO_ANSWER_YET, ...).
     */
    @RegisterForReflection
    public record AiAnswers(boolean arriving, String reason, String model, Instant lastAnswerAt) {
    }

    /** How old the last model answer may be and still count as "arriving". */
    static final java.time.Duration FRESH = java.time.Duration.ofMinutes(5);

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

    public AiAnswers aiAnswers() {
        Optional<AnalyzerClient.AnswerSeen> asked = analyzer.lastAnswer();
        Envelope sentiment = latest;
        AnalyzerClient.AnswerSeen newest = asked.orElse(null);
        if (sentiment != null && sentiment.at() != null && (newest == null || sentiment.at().isAfter(newest.at()))) {
            boolean model = "AI".equals(sentiment.source()) || "CACHE".equals(sentiment.source());
            newest = new AnalyzerClient.AnswerSeen(model, model ? null
                    : sentiment.fallbackReason() == null ? "ANALYZER_RULES" : sentiment.fallbackReason(), sentiment.model(),
                    sentiment.at());
        }
        if (!analyzer.reachable()) {
            return new AiAnswers(false, lastFailure().orElse("ANALYZER_DOWN"), null, newest == null ? null : newest.at());
        }
        AiStatus current = status;
        if (current != null && "RULES".equals(current.mode())) {
            return new AiAnswers(false, "MODE_RULES", null, newest == null ? null : newest.at());
        }
        if (current != null && Boolean.FALSE.equals(current.ollamaReachable())) {
            return new AiAnswers(false, "MODEL_DOWN", null, newest == null ? null : newest.at());
        }
        if (newest == null) {
            return new AiAnswers(false, "NO_ANSWER_YET", null, null);
        }
        if (!newest.fromModel()) {
            return new AiAnswers(false, newest.whyNot(), null, newest.at());
        }
        boolean fresh = newest.at().isAfter(Instant.now().minus(FRESH));
        return new AiAnswers(fresh, fresh ? null : "NO_RECENT_ANSWER", newest.model(), newest.at());
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
