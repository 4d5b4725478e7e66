package io.signaldesk.analyzer.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

/**
 * One streamed model call as LangChain4j hands it over (through the AI service's token stream, or straight from
 * the model): content pieces, then the whole response or an error, told to a {@link ChatStreamListener}.
 * {@link #cancel()} uses LangChain4j's {@link StreamingHandle}, which closes the connection, so Ollama stops
 * generating at its next token; the handle comes with the first piece, so a call cancelled before it is closed at
 * that piece, the token at which Ollama would have noticed anyway. Also times the call (the binding drops Ollama's
 * {@code *_duration} fields): the first piece ends the prompt evaluation, the pieces after it are the decode.
 */
public final class ModelStream implements StreamingChatResponseHandler {

    private final ChatStreamListener listener;
    private final String baseUrl;
    private final ChatRequestParameters parameters;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile StreamingHandle handle;
    private volatile boolean cancelled;
    private long firstPieceNanos;

    ModelStream(ChatStreamListener listener, String baseUrl, ChatRequestParameters parameters) {
        this.listener = listener;
        this.baseUrl = baseUrl;
        this.parameters = parameters;
    }

    /** This call's request parameters (model, schema, Ollama options). */
    ChatRequestParameters parameters() {
        return parameters;
    }

    /** The call's cancel handle, once the binding has one; cancels at once if the call was cancelled before. */
    void handle(StreamingHandle current) {
        handle = current;
        if (cancelled) {
            current.cancel();
        }
    }

    /** Stops reading and closes the connection; no further callback after this. */
    public void cancel() {
        cancelled = true;
        finished.set(true);
        StreamingHandle current = handle;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle(context.streamingHandle());
        onPartialResponse(partial.text());
    }

    @Override
    public void onPartialResponse(String piece) {
        if (firstPieceNanos == 0) {
            firstPieceNanos = System.nanoTime();
        }
        if (!finished.get() && !piece.isEmpty()) {
            listener.content(piece);
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        long end = System.nanoTime();
        if (finished.compareAndSet(false, true)) {
            listener.done(OllamaStats.of(response, startNanos, firstPieceNanos == 0 ? end : firstPieceNanos, end));
        }
    }

    @Override
    public void onError(Throwable error) {
        if (finished.compareAndSet(false, true)) {
            listener.failed(unreachable(error) ? new OllamaUnavailableException(baseUrl, error)
                    : new OllamaCallException("Ollama: " + error.getMessage(), error));
        }
    }

    void fail(Throwable cause) {
        onError(cause);
    }

    private static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpTimeoutException
                    || (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("closed"))) {
                return true;
            }
        }
        return false;
    }
}
