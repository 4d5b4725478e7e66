package io.signaldesk.analyzer.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One streamed /api/chat call as it arrives. {@link #cancel()} closes the connection, which makes Ollama
 * stop generating at its next token, so a call nobody needs any more frees the model for the next one.
 */
public final class ChatStream implements Flow.Subscriber<List<ByteBuffer>> {

    private final ObjectMapper mapper;
    private final ChatStreamListener listener;
    private final JsonObjectSplitter splitter = new JsonObjectSplitter();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    ChatStream(ObjectMapper mapper, ChatStreamListener listener) {
        this.mapper = mapper;
        this.listener = listener;
    }

    /** Stops reading and closes the connection; no further callback after this. */
    public void cancel() {
        cancelled = true;
        finished.set(true);
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cancelled) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer buffer : buffers) {
                for (String object : splitter.accept(buffer)) {
                    chunk(mapper.readTree(object));
                }
            }
        } catch (Exception e) {
            fail(new OllamaCallException("unreadable stream from Ollama: " + e.getMessage(), e));
            cancel();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        fail(throwable);
    }

    @Override
    public void onComplete() {
        fail(new OllamaCallException("Ollama closed the stream before its final chunk", null));
    }

    /** Feeds bytes read by other means (tests, a non-streamed reply) through the same path. */
    void accept(ByteBuffer bytes) {
        onNext(List.of(bytes));
    }

    private void chunk(JsonNode chunk) {
        if (finished.get()) {
            return;
        }
        if (chunk.hasNonNull("error")) {
            fail(new OllamaCallException("Ollama: " + chunk.get("error").asText(), null));
            return;
        }
        String piece = chunk.path("message").path("content").asText("");
        if (!piece.isEmpty()) {
            listener.content(piece);
        }
        if (chunk.path("done").asBoolean(false) && finished.compareAndSet(false, true)) {
            listener.done(OllamaStats.of(chunk));
        }
    }

    void fail(Throwable cause) {
        if (finished.compareAndSet(false, true)) {
            listener.failed(cause);
        }
    }
}
