package io.signaldesk.analyzer.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.signaldesk.analyzer.ai.MarketAnalyst;
import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.config.AnalyzerConfig;

/**
 * Ollama as the analyzer uses it: the streamed analyses through the declared AI service ({@link MarketAnalyst} on
 * LangChain4j's Ollama chat model, {@link AnalystChatModel}), cancellable; the model list and preload through a REST client (a quick one
 * for the list, a patient one for the preload, which waits while Ollama loads the model). The chat is not
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
    private final MarketAnalyst analyst;

    /** @param baseUrl the chat model's URL: the model list, pull and preload go to the same Ollama as every chat */
    public OllamaClient(AnalyzerConfig config, MarketAnalyst analyst,
            @ConfigProperty(name = "quarkus.langchain4j.ollama.base-url") String baseUrl) {
        this.baseUrl = baseUrl;
        this.keepAlive = config.ollama().keepAlive();
        this.numCtx = config.ollama().numCtx();
        this.quick = build(baseUrl, QUICK);
        this.patient = build(baseUrl, LOAD);
        this.analyst = analyst;
    }

    /**
     * Asks {@link MarketAnalyst} one question, streamed; {@code listener} hears its content pieces, then done or
     * failed. The call is bounded by the chat model's timeout ({@code quarkus.langchain4j.ollama.timeout}).
     */
    public ModelStream chat(ModelQuestion question, ChatStreamListener listener) {
        ModelStream stream = new ModelStream(listener, baseUrl, question.parameters());
        try {
            AnalystChatModel.call(stream, () -> analyst.analyse(question.userMessage())
                    .onPartialResponse(stream::onPartialResponse)
                    .onCompleteResponse(stream::onCompleteResponse)
                    .onError(stream::onError)
                    .start());
        } catch (RuntimeException e) {
            stream.fail(e);
        }
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

    /**
     * The models Ollama holds in memory now ({@code /api/ps}).
     *
     * @throws OllamaUnavailableException when Ollama cannot be reached
     */
    public List<OllamaPs.Loaded> loaded() {
        try {
            return quick.ps().models();
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
