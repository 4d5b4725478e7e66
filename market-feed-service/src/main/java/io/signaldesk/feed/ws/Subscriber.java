package io.signaldesk.feed.ws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One open /ws/market connection: the coins it follows (empty: all), its own publish interval, and per coin when a
 * change was last pushed to it and whether a push is already on its way (so at most one timer per connection and coin).
 */
final class Subscriber {

    /** A pending push that runs on the next turn of the event loop, not on a timer. */
    static final long NOW = -1;

    private final WebSocketConnection connection;
    private final Map<String, Long> lastPushNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> pending = new ConcurrentHashMap<>(); // coin -> its push's timer id, or NOW
    private volatile List<String> coins = List.of();
    private volatile Duration interval;
    private volatile boolean ready;

    Subscriber(WebSocketConnection connection, Duration interval) {
        this.connection = connection;
        this.interval = interval;
    }

    WebSocketConnection connection() {
        return connection;
    }

    /** Whether its snapshot on connect went out: pushes go to it from then on, so none can overtake that frame. */
    boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
    }

    /** The coins asked for; empty means all. */
    List<String> coins() {
        return coins;
    }

    void coins(List<String> wanted) {
        this.coins = List.copyOf(wanted);
    }

    Duration interval() {
        return interval;
    }

    void interval(Duration wanted) {
        this.interval = wanted;
    }

    boolean follows(String coin) {
        List<String> wanted = coins;
        return wanted.isEmpty() || wanted.contains(coin);
    }

    /** Marks a push of {@code coin} as on its way; false when one already is (it will read the latest state). */
    boolean schedule(String coin) {
        return pending.putIfAbsent(coin, NOW) == null;
    }

    /** The pending push of {@code coin} waits on timer {@code timerId} (unless it already ran). */
    void timer(String coin, long timerId) {
        pending.replace(coin, NOW, timerId);
    }

    /** The coins whose push waits on a timer, with the timer's id. */
    Map<String, Long> timers() {
        return Map.copyOf(pending);
    }

    /** The push of {@code coin} on timer {@code timerId} was cancelled before it ran. */
    void cancelled(String coin, long timerId) {
        pending.remove(coin, timerId);
    }

    /** How long {@code coin}'s next push must wait: 0 when its last one is an interval old (the leading edge). */
    long waitNanos(String coin, long nowNanos) {
        Long last = lastPushNanos.get(coin);
        return last == null ? 0 : Math.max(0, last + interval.toNanos() - nowNanos);
    }

    /** The push of {@code coin} starts: a change from now on schedules the next one. */
    void pushing(String coin, long nowNanos) {
        pending.remove(coin);
        lastPushNanos.put(coin, nowNanos);
    }
}
