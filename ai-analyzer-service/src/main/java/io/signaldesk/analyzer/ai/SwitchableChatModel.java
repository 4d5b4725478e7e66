package io.signaldesk.analyzer.ai;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import io.quarkiverse.langchain4j.jaxrsclient.JaxRsHttpClientBuilder;
import io.quarkus.arc.Arc;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.service.AiMetricsService;

/**
 * The Ollama chat model behind {@link MarketAnalyst}, built here rather than by the extension because
 * quarkus-langchain4j 1.7.4 cannot switch the model at run time, leaves the client's own retries at 2
 * (an HTTP 500 would become three calls) and has no keep_alive key. Retries are owned by the analyzer
 * (one reprompt at most), so the client makes exactly one call.
 */
@ApplicationScoped
@Typed(SwitchableChatModel.class)
public class SwitchableChatModel implements ChatModel {

    private final AnalyzerConfig.Ollama config;
    private final List<ChatModelListener> listeners;
    private final ModelExchangeLog exchangeLog;
    private final AiMetricsService metrics;
    private final AtomicReference<Current> current = new AtomicReference<>();

    private record Current(String name, OllamaChatModel model) {
    }

    public SwitchableChatModel(AnalyzerConfig config, @Any Instance<ChatModelListener> listeners,
            ModelExchangeLog exchangeLog, AiMetricsService metrics) {
        this.config = config.ollama();
        this.listeners = listeners.stream().toList();
        this.exchangeLog = exchangeLog;
        this.metrics = metrics;
        switchTo(this.config.model());
    }

    public String modelName() {
        return current.get().name();
    }

    /** Later calls go to {@code model}; a call already running finishes on the previous one. */
    public void switchTo(String model) {
        current.set(new Current(model, build(model)));
        metrics.modelInUse(model);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Current target = current.get();
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = target.model().chat(request);
        } catch (RuntimeException e) {
            metrics.modelCallFailed();
            throw e;
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        TokenUsage usage = response.tokenUsage();
        ModelExchange exchange = new ModelExchange(target.name(), response.aiMessage().text(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(), durationMs);
        exchangeLog.record(exchange);
        metrics.modelCall(exchange);
        return response;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return current.get().model().defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OLLAMA;
    }

    private OllamaChatModel build(String model) {
        return OllamaChatModel.builder()
                .httpClientBuilder(new JaxRsHttpClientBuilder())
                .baseUrl(config.baseUrl())
                .timeout(config.timeout())
                .maxRetries(0)
                .modelName(model)
                .defaultRequestParameters(OllamaChatRequestParameters.builder()
                        .modelName(model)
                        .temperature(config.temperature())
                        .seed(config.seed())
                        .maxOutputTokens(config.numPredict())
                        .numCtx(config.numCtx())
                        .keepAlive((int) config.keepAlive().toSeconds())
                        .build())
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .listeners(listeners)
                .build();
    }

    /** Hands the CDI bean to the AI service. */
    public static final class Supplier implements java.util.function.Supplier<ChatModel> {
        @Override
        public ChatModel get() {
            return Arc.container().instance(SwitchableChatModel.class).get();
        }
    }
}
