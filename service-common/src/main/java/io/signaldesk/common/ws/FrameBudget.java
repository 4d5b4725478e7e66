package io.signaldesk.common.ws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Inbound frames allowed per connection: a token bucket of {@value #BURST} frames refilled at {@value #PER_SECOND}
 * a second. The first frame over it gets one error frame, the next ones are dropped unanswered, and a connection
 * that sends {@value #CLOSE_AFTER} frames over the budget before its bucket has refilled is closed (1008). One bean
 * for the service's sockets (buckets by connection id); the clock is the JVM's monotonic one, another only in tests
 * (time that stands still, so that a flood's counts do not depend on how fast a loaded machine handles it).
 */
@ApplicationScoped
public class FrameBudget {

    public static final int BURST = 10;
    public static final int PER_SECOND = 5;
    public static final int CLOSE_AFTER = 50;
    static final String WARNING = "{\"type\":\"error\",\"message\":\"too many frames: at most " + PER_SECOND
            + " a second (bursts of " + BURST + "); more are dropped, and a connection that keeps flooding is closed\"}";
    private static final CloseReason FLOODING = new CloseReason(1008, "too many frames");

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public FrameBudget() {
        this(System::nanoTime);
    }

    /** On another clock, in nanoseconds (tests). */
    public FrameBudget(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether the frame may be handled; otherwise the warning is sent (once per flood) or the connection closed. */
    public boolean admit(WebSocketConnection connection) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(connection.id(), id -> new Bucket(now));
        switch (bucket.take(now)) {
            case PASS:
                return true;
            case WARN:
                connection.sendText(WARNING).subscribe().with(ok -> { }, failure -> { });
                return false;
            case CLOSE:
                buckets.remove(connection.id());
                connection.close(FLOODING).subscribe().with(ok -> { }, failure -> { });
                return false;
            default:
                return false;
        }
    }

    public void forget(WebSocketConnection connection) {
        buckets.remove(connection.id());
    }

    enum Verdict { PASS, WARN, DROP, CLOSE }

    static final class Bucket {
        private double tokens = BURST;
        private long last;
        private int over;

        Bucket(long now) {
            this.last = now;
        }

        synchronized Verdict take(long now) {
            tokens = Math.min(BURST, tokens + (now - last) / 1e9 * PER_SECOND);
            last = now;
            if (tokens >= BURST) {
                over = 0; // calm again: a later flood is warned anew
            }
            if (tokens >= 1) {
                tokens--;
                return Verdict.PASS;
            }
            over++;
            return over == 1 ? Verdict.WARN : over >= CLOSE_AFTER ? Verdict.CLOSE : Verdict.DROP;
        }
    }
}
