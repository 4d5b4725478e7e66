package io.signaldesk.decision.adapter.analyzer;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.AiStatus;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.Envelope;
import io.signaldesk.decision.engine.SentimentService;

/** What the analyzer last said: its status line, whether model answers are arriving; its latest sentiment goes to {@link SentimentService}. */
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

    /**
     * The analyzer's own switch set to RULES (an operator's {@code PUT /api/ai/mode}, or its configuration at start):
     * every answer is then its rules, whatever the desk's mode. {@code line} says so for the dashboard and the mode API.
     */
    @RegisterForReflection
    public record AnalyzerOverride(String mode, Instant since, String setBy, String line) {
    }

    /** How old the last model answer may be and still count as "arriving". */
    static final java.time.Duration FRESH = java.time.Duration.ofMinutes(5);

    private final AnalyzerClient analyzer;
    private final SentimentService sentiments;
    private final Clock clock;
    private volatile AiStatus status;
    private volatile Envelope latest;

    AnalyzerStatusService(AnalyzerClient analyzer, SentimentService sentiments, Clock clock) {
        this.analyzer = analyzer;
        this.sentiments = sentiments;
        this.clock = clock;
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
        analyzer.sentimentOf(envelope).ifPresent(result -> sentiments.accept(
                new SentimentService.CoinSentiment(result, envelope.source(), envelope.model(), envelope.at()), isNew));
    }

    public AiAnswers aiAnswers() {
        Optional<AnalyzerAnswers.AnswerSeen> asked = analyzer.lastAnswer();
        Envelope sentiment = latest;
        AnalyzerAnswers.AnswerSeen newest = asked.orElse(null);
        if (sentiment != null && sentiment.at() != null && (newest == null || sentiment.at().isAfter(newest.at()))) {
            boolean model = "AI".equals(sentiment.source()) || "CACHE".equals(sentiment.source());
            newest = new AnalyzerAnswers.AnswerSeen(model, model ? null
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
        boolean fresh = newest.at().isAfter(clock.instant().minus(FRESH));
        return new AiAnswers(fresh, fresh ? null : "NO_RECENT_ANSWER", newest.model(), newest.at());
    }

    /** The analyzer forced to RULES, as its last status said; empty while it runs AI, or its status is unknown. */
    public Optional<AnalyzerOverride> override() {
        AiStatus current = status;
        if (current == null || !"RULES".equals(current.mode())) {
            return Optional.empty();
        }
        String since = current.modeSince() == null ? "" : " since " + current.modeSince().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString().replace('T', ' ').replace("Z", " UTC");
        String who = "configuration".equals(current.modeSetBy()) ? "set to rules by its configuration (analyzer.mode=RULES)"
                : "forced to rules by an operator";
        return Optional.of(new AnalyzerOverride(current.mode(), current.modeSince(), current.modeSetBy(), "analyzer " + who
                + since + ": every answer is its rules (MODE_RULES), so AI and HYBRID decide on the rules, labelled "
                + "RULES_FALLBACK, until it is set back to AI"));
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
}
