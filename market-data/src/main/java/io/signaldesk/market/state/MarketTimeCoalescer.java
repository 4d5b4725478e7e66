package io.signaldesk.market.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * When a replay emits a coin's snapshot, on market (venue) time only, so the feed's replay and the backtest of the
 * same capture emit the same snapshots whatever the wall clock does: a coin that changed is emitted at once when its
 * last emission is at least {@code interval} of market time old (leading edge); its further changes within the
 * interval are coalesced into one emission when market time passes the interval's end. Market time is only learnt
 * from the next event, so {@link #advanceTo} (called BEFORE that event is applied) emits the pending coins first, with
 * the state they had, and {@link #flush} emits what is left at the end. Not thread-safe: the replay's one thread.
 */
public final class MarketTimeCoalescer {

    private final Duration interval;
    private final Consumer<String> emit;
    private final Map<String, Instant> lastEmitted = new LinkedHashMap<>();
    private final Map<String, Instant> pendingUntil = new LinkedHashMap<>();
    private Instant now;

    /** @param emit called with the coin to emit; it reads the coin's current state */
    public MarketTimeCoalescer(Duration interval, Consumer<String> emit) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("the coalescing interval must be 0 or more: " + interval);
        }
        this.interval = interval;
        this.emit = Objects.requireNonNull(emit, "emit");
    }

    /** Market time moves to {@code marketTime} (never back): pending coins whose interval has ended are emitted. */
    public void advanceTo(Instant marketTime) {
        if (now == null || marketTime.isAfter(now)) {
            now = marketTime;
        }
        if (pendingUntil.isEmpty()) {
            return;
        }
        List<String> due = new ArrayList<>();
        pendingUntil.forEach((coin, until) -> {
            if (!until.isAfter(now)) {
                due.add(coin);
            }
        });
        for (String coin : due) {
            pendingUntil.remove(coin);
            emitNow(coin);
        }
    }

    /** {@code coin} changed at the current market time: emitted now, or once its interval has ended. */
    public void changed(String coin) {
        if (now == null) {
            throw new IllegalStateException("advanceTo must be called before the first change");
        }
        if (pendingUntil.containsKey(coin)) {
            return;
        }
        Instant last = lastEmitted.get(coin);
        if (last == null || !now.isBefore(last.plus(interval))) {
            emitNow(coin);
        } else {
            pendingUntil.put(coin, last.plus(interval));
        }
    }

    /** The end of the replay: every pending coin is emitted, in the order its change came. */
    public void flush() {
        List<String> pending = new ArrayList<>(pendingUntil.keySet());
        pendingUntil.clear();
        pending.forEach(this::emitNow);
    }

    private void emitNow(String coin) {
        lastEmitted.put(coin, now);
        emit.accept(coin);
    }
}
