package io.signaldesk.decision.engine.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.CoinSnapshot;

/**
 * The one door the engine asks the analyzer through, whatever carries the question (the analyzer's REST API or
 * Kafka, {@code adapter/analyzer/AnalyzerClient}; a backtest's own analyzer). The questions and answers are the
 * engine's own records, which the adapters send and read as the analyzer's JSON (ServiceContractTest checks them
 * against the analyzer). An answer that did not come is an {@link AiAnswer#unavailable} saying why, never an
 * exception: the engine then decides on its rules, labelled.
 */
public interface AnalyzerPort {

    /** Stands in for the analyzer where the engine never asks it (RULES mode: a rules backtest, the engine's tests). */
    AnalyzerPort NONE = new AnalyzerPort() {
        @Override
        public AiAnswer<EntryResult> entry(EntryRequest request) {
            return AiAnswer.unavailable("MODE_RULES");
        }

        @Override
        public AiAnswer<ExitResult> exit(ExitRequest request) {
            return AiAnswer.unavailable("MODE_RULES");
        }
    };

    /** Whether to enter, acted on at the analyzer's decision; the reason may follow ({@link AiAnswer#reasonLater()}). */
    AiAnswer<EntryResult> entry(EntryRequest request);

    /** Hold or close an open position. */
    AiAnswer<ExitResult> exit(ExitRequest request);

    /**
     * The shadow model's answer to an entry question the model in use answered (the same request): it completes when
     * the shadow answered or was skipped; {@link ShadowAnswer#off} where no shadow is asked (a backtest).
     */
    default java.util.concurrent.CompletionStage<ShadowAnswer> shadowEntry(EntryRequest request) {
        return java.util.concurrent.CompletableFuture.completedFuture(ShadowAnswer.off("no shadow model here"));
    }

    /**
     * A probe: the model in use asked, on the analyzer's idle time (the shadow's lane), an entry question the edge gate
     * did not ask live; its answer is scored, never acted on. {@link ShadowAnswer#off} where nobody answers probes.
     */
    default java.util.concurrent.CompletionStage<ShadowAnswer> probeEntry(EntryRequest request) {
        return java.util.concurrent.CompletableFuture.completedFuture(ShadowAnswer.off("no probes here"));
    }

    /** The shadow model's answer to an exit question the model in use answered, like {@link #shadowEntry}. */
    default java.util.concurrent.CompletionStage<ShadowAnswer> shadowExit(ExitRequest request) {
        return java.util.concurrent.CompletableFuture.completedFuture(ShadowAnswer.off("no shadow model here"));
    }

    /**
     * What a shadow model made of a question: {@code status} ANSWERED (then {@code acted}: entered; held, and its
     * confidence), else INVALID, SKIPPED, OFF, REFUSED or UNREACHABLE with {@code why}.
     */
    public record ShadowAnswer(String status, String model, Boolean acted, Integer confidence, String why) {

        public static ShadowAnswer off(String why) {
            return new ShadowAnswer("OFF", null, null, null, why);
        }

        public boolean answered() {
            return "ANSWERED".equals(status) && acted != null;
        }
    }

    /** The market an analysis is asked about: the coin's snapshot as the engine saw it, at {@code asOf}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MarketContext(String source, Instant asOf, List<CoinSnapshot> coins) {

        public static MarketContext of(CoinSnapshot coin, Instant asOf) {
            return new MarketContext("decision-service", asOf, List.of(coin));
        }
    }

    /**
     * The model's own scored record on the setup asked about (engine/ModelRecords): answers scored at
     * {@code horizonMinutes}, how many were right, how many acted on and their mean net result after costs, the last
     * outcomes oldest first (R right, W wrong), whether the setup has a measured edge.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelRecord(int horizonMinutes, int calls, int right, int acted, BigDecimal netPct, String last,
            boolean measuredEdge) {
    }

    /**
     * The prompt a model's answer answered, as the analyzer sent it: system message, user message (the question) and
     * the version of the trader's lessons in that system message (0 none; null when the analyzer did not say).
     */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Prompt(String system, String user, Integer lessonVersion) {

        public Prompt(String system, String user) {
            this(system, user, null);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryRequest(String coin, String side, BigDecimal price, MarketContext market, ModelRecord record) {

        public EntryRequest(String coin, String side, BigDecimal price, MarketContext market) {
            this(coin, side, price, market, null);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExitRequest(String coin, String side, BigDecimal entryPrice, BigDecimal currentPrice,
            BigDecimal size, Instant openedAt, MarketContext market, ModelRecord record) {

        public ExitRequest(String coin, String side, BigDecimal entryPrice, BigDecimal currentPrice, BigDecimal size,
                Instant openedAt, MarketContext market) {
            this(coin, side, entryPrice, currentPrice, size, openedAt, market, null);
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EntryResult(Boolean enter, Integer confidence, String reason) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExitResult(String action, Integer confidence, String reason) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SentimentResult(String sentiment, Integer confidence, String signal, String coin, String reason) {
    }
}
