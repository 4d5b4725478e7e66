package io.signaldesk.analyzer.service;

import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.client.ChatStreamListener;

/** The model as the queue drives it: {@code OllamaClient.chat} in the service, a model the test writes for in tests. */
@FunctionalInterface
interface StreamedChat {

    /**
     * Starts one streamed call: {@code listener} hears its pieces, then done or failed.
     *
     * @return what stops the call (the connection closed, so Ollama stops at its next token); no callback after it
     */
    Runnable chat(ModelQuestion question, ChatStreamListener listener);
}
