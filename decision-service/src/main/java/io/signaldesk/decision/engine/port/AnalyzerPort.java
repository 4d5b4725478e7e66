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

    /** Whether to enter, acted on at the analyzer's decision; the reason may follow ({@link AiAnswer#reasonLater()}). */
    AiAnswer<EntryResult> entry(EntryRequest request);

    /** Hold or close an open position. */
    AiAnswer<ExitResult> exit(ExitRequest request);

    /** The market an analysis is asked about: the coin's snapshot as the engine saw it, at {@code asOf}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MarketContext(String source, Instant asOf, List<CoinSnapshot> coins) {

        public static MarketContext of(CoinSnapshot coin, Instant asOf) {
            return new MarketContext("decision-service", asOf, List.of(coin));
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryRequest(String coin, String side, BigDecimal price, MarketContext market) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExitRequest(String coin, String side, BigDecimal entryPrice, BigDecimal currentPrice,
            BigDecimal size, Instant openedAt, MarketContext market) {
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
