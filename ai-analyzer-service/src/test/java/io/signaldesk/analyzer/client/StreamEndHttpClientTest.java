package io.signaldesk.analyzer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/** The end of Ollama's NDJSON stream as the binding's listener hears it, on chunks in Ollama's documented format. */
class StreamEndHttpClientTest {

    private static final String PIECE = "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-12-07T12:00:00Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"enter\\\"\"},\"done\":false}";
    private static final String FINAL = "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-12-07T12:00:01Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\": true,\"done_reason\":\"stop\","
            + "\"prompt_eval_count\":35,\"eval_count\":25}";

    @Test
    void aStreamThatEndedWithItsFinalChunkReportsNoError() {
        Heard heard = stream(PIECE, FINAL);
        assertEquals(List.of(PIECE, FINAL), heard.events);
        assertTrue(heard.closed);
        assertEquals(List.of(), heard.errors);
    }

    @Test
    void aStreamClosedBeforeItsFinalChunkFails() {
        Heard heard = stream(PIECE);
        assertEquals(1, heard.errors.size());
        assertInstanceOf(OllamaCallException.class, heard.errors.get(0));
    }

    /** The JDK client's order: every event of the body, then the close. */
    private static Heard stream(String... lines) {
        HttpClient body = new HttpClient() {
            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                for (String line : lines) {
                    listener.onEvent(new ServerSentEvent(null, line));
                }
                listener.onClose();
            }
        };
        HttpClient client = new StreamEndHttpClient.Builder(new Fixed(body)).build();
        Heard heard = new Heard();
        client.execute(HttpRequest.builder().method(HttpMethod.POST).url("http://127.0.0.1:9/api/chat").body("{}").build(),
                null, heard);
        return heard;
    }

    private static final class Heard implements ServerSentEventListener {
        final List<String> events = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        boolean closed;

        @Override
        public void onEvent(ServerSentEvent event) {
            events.add(event.data());
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }

        @Override
        public void onClose() {
            closed = true;
        }
    }

    private record Fixed(HttpClient client) implements HttpClientBuilder {
        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            return this;
        }

        @Override
        public HttpClient build() {
            return client;
        }
    }
}
