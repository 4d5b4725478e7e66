package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.MarketContext;
import io.signaldesk.decision.engine.port.AnalyzerPort.SentimentResult;
import io.signaldesk.decision.engine.port.AnalyzerPort;

/**
 * The backtest's analyzer: the engine's {@link AnalyzerPort} over ai-analyzer-service's plain JSON answers (one call
 * at a time, the whole answer awaited: a backtest does not race the clock). It sends what the engine sends live, the
 * snapshot it decided on; from candles that is last price and 1-minute momentum, the rest null (unknown), never made
 * up. Every ask says {@code Cache-Control: no-cache, no-store}: the analyzer asks its model and keeps the answer out of
 * its cache, so the report's answers are a model's (or its rules'), whatever ran before. It carries the desk's key
 * (X-Engine-Key: {@code signal.engine-key}, else {@code signal.api-key}), so the analyzer does not rate-limit it as an
 * outside caller. The engine's calls, failures and latency are counted for the report; {@link #sentiment} asks about the replayed
 * market as the analyzer's schedule does live (counted by {@link BacktestSentiment}).
 */
public class BacktestAnalyzer implements AnalyzerPort {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final String engineKey = deskKey();
    private int calls;
    private int failures;
    private long totalLatencyMs;
    private final java.util.Map<String, Integer> bySource = new java.util.HashMap<>();

    public BacktestAnalyzer(String baseUrl, Duration timeout) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public AiAnswer<EntryResult> entry(EntryRequest request) {
        return ask("api/analysis/entry", request, EntryResult.class, true,
                r -> r.enter() != null && r.confidence() != null && r.confidence() >= 1 && r.confidence() <= 10);
    }

    @Override
    public AiAnswer<ExitResult> exit(ExitRequest request) {
        return ask("api/analysis/exit", request, ExitResult.class, true,
                r -> ("HOLD".equals(r.action()) || "CLOSE".equals(r.action())) && r.confidence() != null
                        && r.confidence() >= 1 && r.confidence() <= 10);
    }

    /**
     * A probe of a setup the gate stopped asking about: the analyzer's {@code POST /api/analysis/probe/entry} (its
     * idle-time lane), awaited like every backtest question; not counted in {@link #calls} (the gate counts probes).
     */
    @Override
    public java.util.concurrent.CompletionStage<ShadowAnswer> probeEntry(EntryRequest request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve("api/analysis/probe/entry")).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            if (engineKey != null) {
                builder.header("X-Engine-Key", engineKey);
            }
            HttpResponse<String> response = http.send(builder.POST(HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(request))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return CompletableFuture.completedFuture(new ShadowAnswer("UNREACHABLE", null, null, null,
                        "HTTP " + response.statusCode()));
            }
            JsonNode body = JSON.readTree(response.body());
            JsonNode result = body.path("result");
            return CompletableFuture.completedFuture(new ShadowAnswer(body.path("status").asText("UNREACHABLE"),
                    body.path("model").asText(null), result.path("enter").isBoolean() ? result.path("enter").booleanValue() : null,
                    result.path("confidence").isInt() ? result.path("confidence").intValue() : null,
                    body.path("reason").asText(null)));
        } catch (IOException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new ShadowAnswer("UNREACHABLE", null, null, null, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(new ShadowAnswer("UNREACHABLE", null, null, null, e.toString()));
        }
    }

    /** The body of the analyzer's {@code POST /api/analysis/sentiment}: the replayed market (every coin of it). */
    record SentimentRequest(MarketContext market) {
    }

    /**
     * The analyzer's market sentiment on {@code market} (the replayed one, not the feed's), as the analyzer's schedule
     * asks it live; an answer is valid when it names one of the market's coins, a signal LONG/SHORT/WAIT and a
     * confidence 1-10.
     */
    public AiAnswer<SentimentResult> sentiment(MarketContext market) {
        java.util.Set<String> coins = new java.util.HashSet<>();
        market.coins().forEach(c -> coins.add(c.coin()));
        return ask("api/analysis/sentiment", new SentimentRequest(market), SentimentResult.class, false,
                r -> r.coin() != null && coins.contains(r.coin()) && r.signal() != null
                        && java.util.List.of("LONG", "SHORT", "WAIT").contains(r.signal()) && r.confidence() != null
                        && r.confidence() >= 1 && r.confidence() <= 10);
    }

    /** The desk's key as the service (or the command line, from SIGNAL_ENGINE_KEY / SIGNAL_API_KEY) is configured. */
    private static String deskKey() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return config.getOptionalValue("signal.engine-key", String.class).filter(k -> !k.isBlank())
                .or(() -> config.getOptionalValue("signal.api-key", String.class).filter(k -> !k.isBlank())).orElse(null);
    }

    /** Who answered the engine's answered questions (AI, CACHE, RULES: the analyzer's envelope source). */
    public BacktestReport.Answers answered() {
        return new BacktestReport.Answers(bySource.getOrDefault("AI", 0), bySource.getOrDefault("CACHE", 0),
                bySource.getOrDefault("RULES", 0));
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

    /** {@code counted}: an engine question (entry, exit), counted in {@link #calls}; the sentiment counts its own. */
    private <T> AiAnswer<T> ask(String path, Object body, Class<T> type, boolean counted, Predicate<T> valid) {
        int callsBefore = calls;
        int failuresBefore = failures;
        long latencyBefore = totalLatencyMs;
        AiAnswer<T> answer = call(path, body, type, valid);
        if (!counted) {
            calls = callsBefore;
            failures = failuresBefore;
            totalLatencyMs = latencyBefore;
        } else if (answer.available()) {
            bySource.merge(answer.source(), 1, Integer::sum);
        }
        return answer;
    }

    private <T> AiAnswer<T> call(String path, Object body, Class<T> type, Predicate<T> valid) {
        calls++;
        long start = System.nanoTime();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Cache-Control", "no-cache, no-store");
            if (engineKey != null) {
                builder.header("X-Engine-Key", engineKey);
            }
            HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                failures++;
                return AiAnswer.unavailable("ANALYZER_DOWN");
            }
            JsonNode envelope = JSON.readTree(response.body());
            T result = envelope.path("result").isObject() ? JSON.treeToValue(envelope.path("result"), type) : null;
            if (result == null || !valid.test(result)) {
                failures++;
                return AiAnswer.unavailable("INVALID_ANSWER");
            }
            totalLatencyMs += (System.nanoTime() - start) / 1_000_000;
            return AiAnswer.answered(result, envelope.path("source").asText("AI"), envelope.path("model").asText(null),
                    envelope.path("fallbackReason").asText(null), CompletableFuture.completedFuture(null));
        } catch (java.net.http.HttpTimeoutException e) {
            failures++;
            return AiAnswer.unavailable("TIMEOUT");
        } catch (IOException | IllegalArgumentException e) {
            failures++;
            return AiAnswer.unavailable("ANALYZER_DOWN");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures++;
            return AiAnswer.unavailable("ANALYZER_DOWN");
        }
    }
}
