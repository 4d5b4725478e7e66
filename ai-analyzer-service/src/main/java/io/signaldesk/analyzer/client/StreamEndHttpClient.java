package io.signaldesk.analyzer.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * LangChain4j's HTTP client with one addition for the Ollama binding: a stream that ends before its final chunk
 * fails. langchain4j-ollama 1.11.0's stream listener ignores the end of the stream, so a connection closed (or a
 * body that was not Ollama's NDJSON) would leave the call waiting forever; here an end without the final chunk
 * ({@code "done": true}) is reported as an error. A stream that ended properly says nothing more, so the model's
 * listeners and the AI service count no error for it.
 */
final class StreamEndHttpClient implements HttpClient {

    private static final Pattern FINAL_CHUNK = Pattern.compile("\"done\"\\s*:\\s*true");

    private final HttpClient delegate;

    private StreamEndHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return delegate.execute(request);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        AtomicBoolean ended = new AtomicBoolean();
        delegate.execute(request, parser, new ServerSentEventListener() {
            @Override
            public void onOpen(SuccessfulHttpResponse response) {
                listener.onOpen(response);
            }

            @Override
            public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                sawFinal(event);
                listener.onEvent(event, context);
            }

            @Override
            public void onEvent(ServerSentEvent event) {
                sawFinal(event);
                listener.onEvent(event);
            }

            @Override
            public void onError(Throwable error) {
                ended.set(true);
                listener.onError(error);
            }

            @Override
            public void onClose() {
                listener.onClose();
                if (!ended.get()) {
                    listener.onError(new OllamaCallException("Ollama closed the stream before its final chunk", null));
                }
            }

            private void sawFinal(ServerSentEvent event) {
                if (!ended.get() && event.data() != null && FINAL_CHUNK.matcher(event.data()).find()) {
                    ended.set(true);
                }
            }
        });
    }

    /** Builds the wrapped client with the timeouts the binding sets. */
    static final class Builder implements HttpClientBuilder {

        private final HttpClientBuilder delegate;

        Builder(HttpClientBuilder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Duration connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            delegate.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return delegate.readTimeout();
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            delegate.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            return new StreamEndHttpClient(delegate.build());
        }
    }
}
