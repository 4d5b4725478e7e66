package io.signaldesk.analyzer.client;

/** What a streamed /api/chat call reports, in order: content pieces, then exactly one of done or failed. */
public interface ChatStreamListener {

    void content(String piece);

    void done(OllamaStats stats);

    void failed(Throwable cause);
}
