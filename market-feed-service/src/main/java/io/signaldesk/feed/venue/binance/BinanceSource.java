package io.signaldesk.feed.venue.binance;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.domain.Instrument;
import io.signaldesk.feed.domain.MarketEventSink;
import io.signaldesk.feed.domain.Venue;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.venue.ws.ConnectionControl;
import io.signaldesk.feed.venue.ws.LiveVenueSource;
import io.signaldesk.feed.venue.ws.RawFrameRecorder;
import io.signaldesk.feed.venue.ws.VenueProtocol;
import io.signaldesk.feed.venue.ws.VenueTelemetry;
import io.vertx.core.Vertx;

/**
 * Binance spot over one combined stream ({@code @trade} + {@code @depth@100ms} per coin), books kept
 * in sync with REST depth snapshots. {@code serverShutdown} and the 24 h cut both end in a reconnect.
 */
@ApplicationScoped
public class BinanceSource extends LiveVenueSource {

    public BinanceSource(FeedConfig config, Vertx vertx, MeterRegistry registry) {
        super(config, vertx, registry);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.BINANCE;
    }

    @Override
    protected Venue venue() {
        return Venue.BINANCE;
    }

    @Override
    protected List<Instrument> instruments() {
        return config.coins().stream().map(coin -> BinanceAdapter.instrument(coin, config.binance().quote())).toList();
    }

    @Override
    protected String url() {
        return BinanceAdapter.combinedStreamUrl(config.binance().url(), instruments());
    }

    @Override
    protected VenueProtocol protocol(MarketEventSink sink, VenueTelemetry telemetry) {
        return new Protocol(sink, telemetry);
    }

    /** Per-start state: the stream handler, the REST client and the optional raw recording. */
    private final class Protocol implements VenueProtocol {

        private final VenueTelemetry telemetry;
        private final BinanceDepthClient depthClient;
        private final BinanceStreamHandler handler;
        private final RawFrameRecorder recorder;
        private final Map<String, Long> lastRequest = new HashMap<>();
        private ConnectionControl control;

        Protocol(MarketEventSink sink, VenueTelemetry telemetry) {
            this.telemetry = telemetry;
            this.depthClient = new BinanceDepthClient(vertx, config.binance().restUrl(), config.binance().snapshotDepth());
            this.handler = new BinanceStreamHandler(instruments(), sink, telemetry, this::requestSnapshot);
            this.recorder = config.record().rawFile().map(RawFrameRecorder::open).orElse(null);
        }

        @Override
        public String url() {
            return BinanceSource.this.url();
        }

        @Override
        public void onOpen(ConnectionControl control) {
            this.control = control;
            handler.reset();
        }

        @Override
        public void onFrame(String text, Instant receivedAt, ConnectionControl control) {
            if (recorder != null) {
                recorder.append(text);
            }
            handler.onFrame(text, receivedAt).ifPresent(message -> {
                if (message instanceof BinanceServerShutdown) {
                    control.reconnect("serverShutdown");
                }
            });
        }

        @Override
        public void onClose() {
            handler.reset();
        }

        @Override
        public void release() {
            depthClient.close();
            if (recorder != null) {
                recorder.close();
            }
        }

        /** Asked by the handler; a request within a second of the previous one for the symbol waits a little. */
        private void requestSnapshot(Instrument instrument) {
            long now = System.nanoTime();
            Long previous = lastRequest.put(instrument.symbol(), now);
            if (previous != null && now - previous < 1_000_000_000L) {
                control.schedule(retryDelayMs(), () -> fetchSnapshot(instrument));
            } else {
                fetchSnapshot(instrument);
            }
        }

        private void fetchSnapshot(Instrument instrument) {
            depthClient.fetch(instrument).onComplete(result -> {
                if (result.succeeded()) {
                    if (recorder != null) {
                        recorder.append(BinanceAdapter.snapshotFrame(instrument, result.result().body()));
                    }
                    handler.onSnapshot(instrument, result.result().snapshot(), Instant.now());
                } else {
                    telemetry.error("depth snapshot for " + instrument.symbol() + " failed: "
                            + result.cause().getMessage());
                    control.schedule(retryDelayMs(), () -> fetchSnapshot(instrument));
                }
            });
        }
    }
}
