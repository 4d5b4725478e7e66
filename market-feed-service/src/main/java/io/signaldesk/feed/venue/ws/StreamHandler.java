package io.signaldesk.feed.venue.ws;

import java.time.Instant;

/** A venue's frame handling when it needs nothing beyond the socket: subscribe on open, read frames, reset on close. */
public interface StreamHandler {

    void onOpen(ConnectionControl control);

    void onFrame(String text, Instant receivedAt, ConnectionControl control);

    /** Forget per-connection state (books, sequence numbers); called when the socket closes. */
    void reset();
}
