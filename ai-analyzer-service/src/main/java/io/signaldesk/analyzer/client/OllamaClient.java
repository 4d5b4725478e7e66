package io.signaldesk.analyzer.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.signaldesk.analyzer.config.AnalyzerConfig;

/**
 * Ollama's HTTP API as the analyzer uses it: the model list and preload through a REST client (a quick one
 * for the list, a patient one for the preload, which waits while Ollama loads the model), and the streamed
 * /api/chat on the JDK client, read chunk by chunk and cancellable by closing the connection. The chat is not
 * retried here: the retry policy (one reprompt) is the analyzer's, in one place.
 */
@ApplicationScoped
public class OllamaClient {

    private static final Duration QUICK = Duration.ofSeconds(2);
    private static final Duration LOAD = Duration.ofMinutes(2);

    private final String baseUrl;
    private final Duration keepAlive;
    private final int numCtx;
    private final OllamaRestApi quick;
    private final OllamaRestApi patient;
    private final URI chatUri;
    private final HttpClient http;
    private final ObjectMapper mapper;

    public OllamaClient(AnalyzerConfig config, ObjectMapper mapper) {
        this.baseUrl = config.ollama().baseUrl();
        this.keepAlive = config.ollama().keepAlive();
        this.numCtx = config.ollama().numCtx();
        this.quick = build(baseUrl, QUICK);
        this.patient = build(baseUrl, LOAD);
        this.chatUri = URI.create(baseUrl.replaceAll("/+$", "") + "/api/chat");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        this.mapper = mapper;
    }

    /**
     * Starts a streamed /api/chat call; {@code listener} hears its content pieces, then done or failed.
     *
     * @param body the request as Ollama documents it, with {@code "stream": true}
     * @param timeout longest the whole call may take before it is failed and cancelled
     */
    public ChatStream chat(ObjectNode body, Duration timeout, ChatStreamListener listener) {
        ChatStream stream = new ChatStream(mapper, listener);
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("chat request not serialisable", e);
        }
        HttpRequest request = HttpRequest.newBuilder(chatUri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        http.sendAsync(request, response -> response.statusCode() == 200
                ? HttpResponse.BodySubscribers.fromSubscriber(stream)
                : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                        text -> {
                            stream.fail(new OllamaCallException("Ollama answered HTTP " + response.statusCode() + ": "
                                    + text.substring(0, Math.min(200, text.length())), null));
                            return null;
                        }))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        stream.fail(new OllamaUnavailableException(baseUrl, failure));
                    }
                });
        return stream;
    }

    /** @throws OllamaUnavailableException when Ollama cannot be reached */
    public List<OllamaTags.Model> models() {
        try {
            return quick.tags().models();
        } catch (RuntimeException e) {
            throw new OllamaUnavailableException(baseUrl, e);
        }
    }

    /** Loads {@code model} and keeps it loaded for keep_alive; blocks while Ollama loads it. */
    public void preload(String model) {
        try {
            patient.generate(new OllamaPreload(model, keepAlive.toSeconds(), new OllamaPreload.Options(numCtx)));
        } catch (RuntimeException e) {
            throw new OllamaUnavailableException(baseUrl, e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    private static OllamaRestApi build(String baseUrl, Duration readTimeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(1, TimeUnit.SECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(OllamaRestApi.class);
    }
}
