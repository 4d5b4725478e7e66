package io.signaldesk.feed.venue.binance;

import io.signaldesk.market.binance.BinanceAdapter;
import io.signaldesk.market.binance.BinanceServerShutdown;
import io.signaldesk.market.binance.BinanceStreamHandler;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.Venue;
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

    /** Per-start state: the stream handler, the snapshot fetcher and the optional raw recording. */
    private final class Protocol implements VenueProtocol {

        private final BinanceStreamHandler handler;
        private final BinanceSnapshotFetcher snapshots;
        private final RawFrameRecorder recorder;

        Protocol(MarketEventSink sink, VenueTelemetry telemetry) {
            BinanceDepthClient client = new BinanceDepthClient(vertx, config.binance().restUrl(),
                    config.binance().snapshotDepth());
            this.snapshots = new BinanceSnapshotFetcher(client, backoff(), 2 * retryDelayMs(), telemetry, this::onSnapshot);
            this.handler = new BinanceStreamHandler(instruments(), sink, telemetry, snapshots::request);
            this.recorder = config.record().rawFile().map(RawFrameRecorder::open).orElse(null);
        }

        @Override
        public String url() {
            return BinanceSource.this.url();
        }

        @Override
        public void onOpen(ConnectionControl control) {
            snapshots.control(control);
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
            snapshots.close();
            if (recorder != null) {
                recorder.close();
            }
        }

        private void onSnapshot(Instrument instrument, BinanceDepthClient.Fetched fetched) {
            if (recorder != null) {
                recorder.append(BinanceAdapter.snapshotFrame(instrument, fetched.body()));
            }
            handler.onSnapshot(instrument, fetched.snapshot(), Instant.now());
        }
    }
}
