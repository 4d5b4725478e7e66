package io.signaldesk.feed.venue.ws;

/** What a venue protocol may ask of its live connection. All calls come from the connection's context. */
public interface ConnectionControl {

    /** Sends a text frame (subscribe, unsubscribe, ping) if the socket is open. */
    void send(String text);

    /** Closes the socket and opens a new one (server notice, unrecoverable state). */
    void reconnect(String reason);

    /** Runs {@code task} on the connection's context after {@code delayMs}, unless stopped meanwhile. */
    void schedule(long delayMs, Runnable task);
}
