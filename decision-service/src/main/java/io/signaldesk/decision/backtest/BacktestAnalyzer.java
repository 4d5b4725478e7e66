package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.signaldesk.decision.domain.Direction;
import io.signaldesk.decision.domain.Side;

/**
 * Asks ai-analyzer-service about a candle instant. The market it sends is built from candles only:
 * last price = the bar's close, 60 s momentum = the bar's close-to-close change; bid/ask, book
 * imbalance, trade flow, VWAP and volatility are sent as null (unknown), never made up.
 */
public class BacktestAnalyzer {

    /** The analyzer's answer as the backtest uses it; {@code source} is the envelope's AI | RULES | CACHE. */
    public record Answer(Direction direction, boolean enter, int confidence, String source, long latencyMs) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private int calls;
    private int failures;
    private long totalLatencyMs;

    public BacktestAnalyzer(String baseUrl, Duration timeout) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** Sentiment for one coin: its signal and confidence; empty when the analyzer failed (counted). */
    public Optional<Answer> sentiment(String coin, Instant at, Candle candle, BigDecimal momentumPct) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("coins", List.of(coin));
        body.put("market", market(coin, at, candle, momentumPct));
        Optional<JsonNode> envelope = post("api/analysis/sentiment", body);
        if (envelope.isEmpty()) {
            return Optional.empty();
        }
        JsonNode result = envelope.get().path("result");
        Direction direction;
        try {
            direction = Direction.valueOf(result.path("signal").asText(""));
        } catch (IllegalArgumentException e) {
            failures++;
            return Optional.empty();
        }
        return Optional.of(new Answer(direction, false, result.path("confidence").asInt(5),
                envelope.get().path("source").asText("AI"), envelope.get().path("latencyMs").asLong(0)));
    }

    /** Whether to enter {@code side} now; empty when the analyzer failed (counted). */
    public Optional<Answer> entry(String coin, Side side, Instant at, Candle candle, BigDecimal momentumPct) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("coin", coin);
        body.put("side", side.name());
        body.put("price", candle.close());
        body.put("market", market(coin, at, candle, momentumPct));
        return post("api/analysis/entry", body).map(envelope -> {
            JsonNode result = envelope.path("result");
            boolean enter = result.path("enter").asBoolean(false);
            return new Answer(enter ? Direction.valueOf(side.name()) : Direction.WAIT, enter,
                    result.path("confidence").asInt(5), envelope.path("source").asText("AI"),
                    envelope.path("latencyMs").asLong(0));
        });
    }

    public int calls() {
        return calls;
    }

    public int failures() {
        return failures;
    }

    public Double averageLatencyMs() {
        int answered = calls - failures;
        return answered == 0 ? null : (double) totalLatencyMs / answered;
    }

    private static Map<String, Object> market(String coin, Instant at, Candle candle, BigDecimal momentumPct) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("coin", coin);
        snapshot.put("symbol", coin + "USDT");
        snapshot.put("venue", "BACKTEST");
        snapshot.put("lastPrice", candle.close());
        snapshot.put("momentum60sPct", momentumPct);
        snapshot.put("lastEventAgeMs", 0);
        snapshot.put("updatedAt", at.toString());
        return Map.of("source", "backtest", "asOf", at.toString(), "coins", List.of(snapshot));
    }

    private Optional<JsonNode> post(String path, Map<String, Object> body) {
        calls++;
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failures++;
                return Optional.empty();
            }
            JsonNode envelope = JSON.readTree(response.body());
            JsonNode result = envelope.path("result");
            if (!result.isObject()) {
                failures++;
                return Optional.empty();
            }
            totalLatencyMs += (System.nanoTime() - start) / 1_000_000;
            return Optional.of(envelope);
        } catch (IOException | IllegalArgumentException e) {
            failures++;
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures++;
            return Optional.empty();
        }
    }
}
