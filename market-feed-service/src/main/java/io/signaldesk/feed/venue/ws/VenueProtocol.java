package io.signaldesk.feed.venue.ws;

import java.time.Instant;

/**
 * The venue-specific half of a live connection: where to connect, what to send once open and how
 * to read each frame. {@link ExchangeConnection} calls it on one Vert.x context, never concurrently.
 */
public interface VenueProtocol {

    /** Full WebSocket URL including any stream list. */
    String url();

    /** The socket is open: reset per-connection state and subscribe. */
    void onOpen(ConnectionControl control);

    /** One text frame as received; {@code receivedAt} is taken before parsing. */
    void onFrame(String text, Instant receivedAt, ConnectionControl control);

    /** The socket closed; books built from it can no longer be trusted. */
    default void onClose() {
    }

    /** The source stops for good: release clients and files. */
    default void release() {
    }
}
