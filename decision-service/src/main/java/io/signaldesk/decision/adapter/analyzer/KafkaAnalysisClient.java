package io.signaldesk.decision.adapter.analyzer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.AnalysisRequest;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.SignalEvent;
import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.adapter.analyzer.PendingAnalyses.Heard;
import io.signaldesk.decision.adapter.analyzer.PendingAnalyses.Pending;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The engine's analyzer over Kafka (SIGNAL_TRANSPORT=kafka; {@code adapter/Transports} chooses it as the
 * {@link AnalyzerPort}): the question goes to signal.analysis.requests keyed by coin,
 * served by whichever analyzer of the group owns that coin's partition, and the answer comes back on the results
 * topic ({@link AnalysisResultConsumer}). Waits for the decision until this service's deadline, which travels with
 * the request so a stale one is dropped rather than answered late; no decision in time is the rules with TIMEOUT
 * (ANALYZER_DOWN when the request could not even be published). Only created in kafka mode (its channel is disabled
 * otherwise).
 */
@ApplicationScoped
@Typed(KafkaAnalysisClient.class)
public class KafkaAnalysisClient implements AnalyzerPort {

    private static final Logger LOG = Logger.getLogger(KafkaAnalysisClient.class);

    /** No decision came before the deadline. */
    public static class NoAnswerInTime extends Exception {
        NoAnswerInTime() {
            super("no analyzer answered before the deadline", null, false, false);
        }
    }

    /** The request could not be published (the broker unreachable). */
    public static class NotSent extends RuntimeException {
        NotSent(Throwable cause) {
            super("the analysis request could not be published: " + cause, cause, false, false);
        }
    }

    private final MutinyEmitter<String> requests;
    private final PendingAnalyses pending;
    private final ObjectMapper mapper;
    private final Duration deadline;
    private final String replyTo;
    private final AnswersAssignment answers;
    private final AnalyzerAnswers heard;
    private final Clock clock = Clock.systemUTC();

    KafkaAnalysisClient(@Channel("analysis-requests") MutinyEmitter<String> requests, PendingAnalyses pending,
            @Identifier(AnswersAssignment.NAME) AnswersAssignment answers, AnalyzerAnswers heard, ObjectMapper mapper,
            DecisionConfig config,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-results.topic", defaultValue = "signal.analysis.results") String replyTo) {
        this.requests = requests;
        this.pending = pending;
        this.answers = answers;
        this.heard = heard;
        this.mapper = mapper;
        this.deadline = config.kafkaAnalysis().deadline();
        this.replyTo = replyTo;
    }

    @Override
    public AiAnswer<EntryResult> entry(EntryRequest request) {
        CompletableFuture<String> reason = new CompletableFuture<>();
        Outcome outcome = outcome("entry", request.coin(), request, reason);
        return outcome.signal() == null ? heard.fallback("entry", outcome.failure()) : heard.entry(outcome.signal(), reason);
    }

    @Override
    public AiAnswer<ExitResult> exit(ExitRequest request) {
        CompletableFuture<String> reason = new CompletableFuture<>();
        Outcome outcome = outcome("exit", request.coin(), request, reason);
        return outcome.signal() == null ? heard.fallback("exit", outcome.failure()) : heard.exit(outcome.signal(), reason);
    }

    /** The decision heard, or why there is none (TIMEOUT, ANALYZER_DOWN). */
    private record Outcome(SignalEvent signal, String failure) {
    }

    private Outcome outcome(String kind, String coin, Object request, CompletableFuture<String> reason) {
        try {
            return new Outcome(ask(kind.toUpperCase(Locale.ROOT), coin, request, reason).signal(), null);
        } catch (NoAnswerInTime e) {
            return new Outcome(null, "TIMEOUT");
        } catch (RuntimeException e) {
            LOG.debugf("analyzer %s request over Kafka failed: %s", kind, e.toString());
            return new Outcome(null, "ANALYZER_DOWN");
        }
    }

    /**
     * Publishes the question and blocks until its decision or the deadline; {@code reason} completes when the whole
     * answer arrives (null if it never does).
     */
    public Heard ask(String type, String coin, Object body, CompletableFuture<String> reason) throws NoAnswerInTime {
        String requestId = UUID.randomUUID().toString();
        Instant until = clock.instant().plus(deadline);
        try {
            if (!answers.awaitReady(until)) {
                throw new NoAnswerInTime(); // not asked: its answer could not have been read
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answers consumer", e);
        }
        Pending open = pending.open(requestId, until, reason);
        String json;
        try {
            json = mapper.writeValueAsString(new AnalysisRequest(requestId, type, until, replyTo, body));
        } catch (JsonProcessingException e) {
            pending.giveUp(requestId);
            throw new IllegalStateException("analysis request not serialisable", e);
        }
        Message<String> record = Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(coin).build());
        requests.sendMessage(record).subscribe().with(sent -> {
        }, failure -> open.signal().completeExceptionally(new NotSent(failure)));
        try {
            return open.signal().get(Math.max(0, Duration.between(clock.instant(), until).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.giveUp(requestId);
            throw new NoAnswerInTime();
        } catch (InterruptedException e) {
            pending.giveUp(requestId);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the analyzer's decision", e);
        } catch (ExecutionException e) {
            pending.giveUp(requestId);
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
