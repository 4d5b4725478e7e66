package io.signaldesk.decision.adapter.analyzer;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.adapter.analyzer.AnalysisStreamClient.AnalysisFrame;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.AnalysisResult;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.Envelope;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.SignalEvent;
import io.signaldesk.decision.adapter.analyzer.PendingAnalyses.Heard;
import io.signaldesk.decision.adapter.analyzer.PendingAnalyses.Match;

/**
 * Reads the analyzers' answers on the results topic (each decision service in a group of its own, from the newest
 * record: it only needs the answers to what it asks) and hands them to the requests waiting in
 * {@link PendingAnalyses}, and, for the dashboard, to the analysis relay (decision.relay-analysis). A record that is not an answer (unreadable, oversized, no request id, unknown kind, data
 * of the wrong shape) is nacked to signal.analysis.results.dlq and the stream goes on.
 */
@ApplicationScoped
public class AnalysisResultConsumer {

    private static final Logger LOG = Logger.getLogger(AnalysisResultConsumer.class);
    /** An answer is a few hundred characters; its reason at most a few thousand. */
    static final int MAX_RECORD_CHARS = 64 * 1024;
    static final String REJECTED = "decision.analyzer.kafka.rejected";

    private final PendingAnalyses pending;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final Event<AnalysisFrame> frames;
    private final boolean relay;

    AnalysisResultConsumer(PendingAnalyses pending, ObjectMapper mapper, MeterRegistry registry, Event<AnalysisFrame> frames,
            @ConfigProperty(name = "decision.relay-analysis", defaultValue = "true") boolean relay) {
        this.pending = pending;
        this.mapper = mapper;
        this.registry = registry;
        this.frames = frames;
        this.relay = relay;
    }

    /** At start in the kafka transport: the counters exist (a dashboard reads 0, not "no data"), not from the first answer. */
    public void registerMeters() {
        registry.counter(REJECTED);
        registry.counter(PendingAnalyses.LATE);
    }

    @Incoming("analysis-results")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> receive(Message<String> message) {
        try {
            Match match = accept(message.getPayload());
            LOG.tracef("answer record: %s", match);
            return message.ack();
        } catch (IllegalArgumentException e) {
            registry.counter(REJECTED).increment();
            LOG.warnf("analysis result refused to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
    }

    /** Routes one answer record; {@link IllegalArgumentException} when it is not one. */
    Match accept(String json) {
        if (json == null || json.length() > MAX_RECORD_CHARS) {
            throw new IllegalArgumentException("empty record or larger than " + MAX_RECORD_CHARS + " characters");
        }
        AnalysisResult result;
        try {
            result = mapper.readValue(json, AnalysisResult.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an analysis result: unreadable JSON");
        }
        if (result == null || result.requestId() == null || result.requestId().isBlank() || result.requestId().length() > 64
                || result.data() == null || !result.data().isObject()) {
            throw new IllegalArgumentException("not an analysis result: requestId and an object data are required");
        }
        String analyzer = result.analyzer() == null ? "unnamed" : result.analyzer();
        Match match;
        if ("signal".equals(result.kind())) {
            SignalEvent signal = read(result.data(), SignalEvent.class);
            if (signal.decision() == null || !signal.decision().isObject()) {
                throw new IllegalArgumentException("not an analysis result: a signal's decision must be an object");
            }
            match = pending.decided(result.requestId(), new Heard(signal, analyzer));
        } else if ("done".equals(result.kind())) {
            Envelope envelope = read(result.data(), Envelope.class);
            if (envelope.result() == null || !envelope.result().isObject()) {
                throw new IllegalArgumentException("not an analysis result: a done record's result must be an object");
            }
            SignalEvent signal = new SignalEvent(envelope.type(), envelope.result(), envelope.source(), envelope.model(),
                    envelope.fallbackReason(), envelope.latencyMs(), null);
            JsonNode reason = envelope.result() == null ? null : envelope.result().get("reason");
            match = pending.done(result.requestId(), new Heard(signal, analyzer),
                    reason != null && reason.isTextual() ? reason.asText() : null);
        } else {
            throw new IllegalArgumentException("not an analysis result: kind must be signal or done");
        }
        if (match == Match.OPEN) {
            relay(result);
        }
        if (match == Match.OPEN && "signal".equals(result.kind())) {
            registry.counter("decision.analyzer.kafka.answers", "analyzer", analyzer.length() > 64 ? analyzer.substring(0, 64) : analyzer)
                    .increment();
        }
        return match;
    }

    /**
     * In kafka mode the dashboard's analysis frames come from here, for this service's own questions whichever analyzer
     * answered them, in the analyzer's /ws/analysis shapes: the decision, then the whole reason at once.
     */
    private void relay(AnalysisResult result) {
        if (!relay) {
            return;
        }
        ObjectNode frame = mapper.createObjectNode();
        frame.put("kind", "signal".equals(result.kind()) ? "signal" : "reason");
        frame.set("type", result.data().get("type"));
        if ("signal".equals(result.kind())) {
            frame.set("signal", result.data());
        } else {
            JsonNode reason = result.data().path("result").get("reason");
            if (reason == null || !reason.isTextual()) {
                return;
            }
            frame.put("text", reason.asText());
        }
        String json = frame.toString();
        if (json.length() <= AnalysisStreamClient.MAX_FRAME_CHARS) {
            frames.fire(new AnalysisFrame(json));
        }
    }

    private <T> T read(JsonNode data, Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an analysis result: data is not a " + type.getSimpleName());
        }
    }
}
