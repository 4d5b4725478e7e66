package io.signaldesk.feed.venue.binance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

import io.signaldesk.market.domain.Instrument;
import io.signaldesk.feed.venue.ws.ConnectionControl;
import io.signaldesk.common.connect.ReconnectBackoff;
import io.signaldesk.feed.venue.ws.VenueTelemetry;

/**
 * Polite REST snapshot fetching (a 1000-level depth costs request weight): one fetch at a time per
 * symbol, at least {@code minIntervalMs} between fetches of a symbol, failures retried with the
 * reconnect backoff. Runs on the connection's context like everything else of the source.
 */
final class BinanceSnapshotFetcher {

    private final BinanceDepthClient client;
    private final ReconnectBackoff backoff;
    private final long minIntervalMs;
    private final VenueTelemetry telemetry;
    private final BiConsumer<Instrument, BinanceDepthClient.Fetched> onSnapshot;
    private final Set<String> busy = new HashSet<>();
    private final Map<String, Long> lastFetchNanos = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private ConnectionControl control;

    BinanceSnapshotFetcher(BinanceDepthClient client, ReconnectBackoff backoff, long minIntervalMs,
            VenueTelemetry telemetry, BiConsumer<Instrument, BinanceDepthClient.Fetched> onSnapshot) {
        this.client = client;
        this.backoff = backoff;
        this.minIntervalMs = minIntervalMs;
        this.telemetry = telemetry;
        this.onSnapshot = onSnapshot;
    }

    void control(ConnectionControl current) {
        this.control = current;
    }

    /** Asks for a snapshot; ignored while one is already on its way for the symbol. */
    void request(Instrument instrument) {
        if (!busy.add(instrument.symbol())) {
            return;
        }
        Long last = lastFetchNanos.get(instrument.symbol());
        long waitMs = last == null ? 0 : minIntervalMs - (System.nanoTime() - last) / 1_000_000;
        if (waitMs > 0) {
            control.schedule(waitMs, () -> fetch(instrument));
        } else {
            fetch(instrument);
        }
    }

    private void fetch(Instrument instrument) {
        String symbol = instrument.symbol();
        lastFetchNanos.put(symbol, System.nanoTime());
        client.fetch(instrument).onComplete(result -> {
            if (result.succeeded()) {
                busy.remove(symbol);
                failures.remove(symbol);
                onSnapshot.accept(instrument, result.result());
            } else {
                int failed = failures.merge(symbol, 1, Integer::sum);
                telemetry.error("depth snapshot for " + symbol + " failed: " + result.cause().getMessage());
                long delayMs = backoff.delay(failed - 1, ThreadLocalRandom.current().nextDouble()).toMillis();
                control.schedule(delayMs, () -> fetch(instrument));
            }
        });
    }

    void close() {
        client.close();
    }
}
