package io.signaldesk.analyzer.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import io.quarkus.arc.All;
import io.quarkus.arc.Unremovable;

/**
 * The analyzer's Ollama chat model: LangChain4j's streaming Ollama binding, configured by the extension's own
 * keys ({@code quarkus.langchain4j.ollama.*}) and heard by every {@link ChatModelListener} bean. A customised
 * bean rather than the extension's, because quarkus-langchain4j-ollama 1.7.4's streaming model ignores per-request
 * parameters and cannot cancel a stream (README, "On LangChain4j's Ollama binding"). One HTTP/1.1 connection kept
 * to Ollama; the JDK client streams the answer line by line and closes the connection on cancel.
 */
@ApplicationScoped
public class OllamaChatModelProducer {

    @Produces
    @Singleton // no client proxy: the binding's class has no no-args constructor
    @Typed(AnalystChatModel.class) // only MarketAnalyst's model, never a candidate for the extension's default beans
    @Unremovable // looked up by AnalystChatModel.Supplier, which ArC cannot see
    AnalystChatModel analystChatModel(
            @ConfigProperty(name = "quarkus.langchain4j.ollama.base-url") String baseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.ollama.chat-model.model-id") String modelId,
            @ConfigProperty(name = "quarkus.langchain4j.ollama.chat-model.temperature") double temperature,
            @ConfigProperty(name = "quarkus.langchain4j.ollama.chat-model.seed") int seed,
            @ConfigProperty(name = "quarkus.langchain4j.ollama.timeout") Duration timeout,
            @All List<ChatModelListener> listeners) {
        return new AnalystChatModel(AnalystChatModel.builder()
                .httpClientBuilder(new StreamEndHttpClient.Builder(new JdkHttpClientBuilder()
                        .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                        .connectTimeout(Duration.ofSeconds(1))
                        .readTimeout(timeout)))
                .baseUrl(baseUrl)
                .modelName(modelId)
                .temperature(temperature)
                .seed(seed)
                .timeout(timeout)
                .think(false)
                .listeners(listeners)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA));
    }
}
