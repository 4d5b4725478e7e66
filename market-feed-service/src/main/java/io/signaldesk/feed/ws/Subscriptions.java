package io.signaldesk.feed.ws;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The open /ws/market connections ({@link Subscriber}s); also the source of the connected-clients gauge. */
@Singleton
public class Subscriptions {

    private final Map<String, Subscriber> byConnection = new ConcurrentHashMap<>();

    public Subscriptions(MeterRegistry registry) {
        Gauge.builder("feed.websocket.clients", byConnection, Map::size)
                .description("Open /ws/market connections").register(registry);
    }

    /** A connection opened (pushes go to it once it is {@link Subscriber#ready()}). */
    void open(Subscriber subscriber) {
        byConnection.put(subscriber.connection().id(), subscriber);
    }

    void close(String connectionId) {
        byConnection.remove(connectionId);
    }

    /** The connection's subscriber, or null once it closed. */
    Subscriber of(String connectionId) {
        return byConnection.get(connectionId);
    }

    Collection<Subscriber> all() {
        return byConnection.values();
    }

    /** Connections that got their snapshot on connect (a replay waiting for clients counts these). */
    int readyClients() {
        return (int) byConnection.values().stream().filter(Subscriber::ready).count();
    }

    public int clients() {
        return byConnection.size();
    }
}
