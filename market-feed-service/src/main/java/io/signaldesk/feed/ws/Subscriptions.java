package io.signaldesk.feed.ws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Coins each open connection wants; also the source of the connected-clients gauge. */
@Singleton
public class Subscriptions {

    private final Map<String, List<String>> byConnection = new ConcurrentHashMap<>();
    private final AtomicInteger clients = new AtomicInteger();

    public Subscriptions(MeterRegistry registry) {
        Gauge.builder("feed.websocket.clients", clients, AtomicInteger::get)
                .description("Open /ws/market connections").register(registry);
    }

    void open(String connectionId) {
        if (byConnection.put(connectionId, List.of()) == null) {
            clients.incrementAndGet();
        }
    }

    void set(String connectionId, List<String> coins) {
        byConnection.replace(connectionId, List.copyOf(coins));
    }

    void close(String connectionId) {
        if (byConnection.remove(connectionId) != null) {
            clients.decrementAndGet();
        }
    }

    /** Whether the connection got its snapshot on connect: pushes go to it from then on. */
    boolean isOpen(String connectionId) {
        return byConnection.containsKey(connectionId);
    }

    /** The coins a connection asked for; empty means all. */
    List<String> of(String connectionId) {
        return byConnection.getOrDefault(connectionId, List.of());
    }

    public int clients() {
        return clients.get();
    }
}
