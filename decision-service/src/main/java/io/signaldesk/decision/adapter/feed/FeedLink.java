package io.signaldesk.decision.adapter.feed;

/**
 * The market's way in as the dashboard and decision.feed.connected see it: {@link FeedClient} over the feed's WebSocket
 * or {@link FeedKafkaConsumer}, whichever {@code adapter/Transports} chose.
 */
public interface FeedLink {

    /** WebSocket: the connection is open; Kafka: a record came within decision.feed.stale-after. */
    boolean connected();
}
