package io.signaldesk.decision.adapter.analyzer;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.AnalyzerPort.MarketContext;

/** Request and answer shapes of ai-analyzer-service (its contract, our own copy). */
public final class AnalyzerDtos {

    private AnalyzerDtos() {
    }

    /** Answer envelope common to every analysis; {@code result} is read per type. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Envelope(String type, JsonNode result, String source, String model, Long latencyMs,
            Long promptTokens, Long completionTokens, String fallbackReason, Boolean reprompted, Instant at) {
    }

    /** The {@code signal} event of a streamed analysis: the decision fields, the moment the analyzer knows them. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignalEvent(String type, JsonNode decision, String source, String model, String fallbackReason,
            Long signalMs, AnalyzerPort.Prompt prompt) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RiskRequest(String coin, String side, BigDecimal price, BigDecimal equity, MarketContext market) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RiskResult(BigDecimal positionSizePct, BigDecimal stopLossPct, Integer confidence, String reason) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AiStatus(String line, String mode, String model, Boolean ollamaReachable, Long totalTokens,
            Long totalCalls, Double avgResponseTimeMs, Boolean aiAnswering, JsonNode machine, Instant modeSince,
            String modeSetBy) {
    }

    /**
     * An analysis asked over Kafka (topic signal.analysis.requests, keyed by coin): {@code body} is the analyzer's REST
     * body of that type, {@code deadline} absolute (a stale request is dropped, not answered), {@code replyTo} the
     * results topic.
     */
    @RegisterForReflection
    public record AnalysisRequest(String requestId, String type, Instant deadline, String replyTo, Object body) {
    }

    /**
     * One record of an answer on the results topic, keyed by request id: {@code signal} (data: a {@link SignalEvent})
     * the moment the decision is known, then {@code done} (data: the {@link Envelope} with the reason).
     */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnalysisResult(String requestId, String kind, String coin, String analyzer, JsonNode data) {
    }
}
