package io.signaldesk.feed.venue.kraken;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.venue.ws.LiveVenueSource;
import io.signaldesk.feed.venue.ws.VenueProtocol;
import io.signaldesk.feed.venue.ws.VenueTelemetry;
import io.vertx.core.Vertx;

/** Kraken spot WebSocket v2: {@code trade} and checksum-verified {@code book} of depth {@code feed.kraken.depth}. */
@ApplicationScoped
public class KrakenSource extends LiveVenueSource {

    public KrakenSource(FeedConfig config, Vertx vertx, MeterRegistry registry) {
        super(config, vertx, registry);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.KRAKEN;
    }

    @Override
    protected Venue venue() {
        return Venue.KRAKEN;
    }

    @Override
    protected List<Instrument> instruments() {
        return config.coins().stream().map(coin -> KrakenAdapter.instrument(coin, config.kraken().quote())).toList();
    }

    @Override
    protected String url() {
        return config.kraken().url();
    }

    @Override
    protected VenueProtocol protocol(MarketEventSink sink, VenueTelemetry telemetry) {
        return protocolOf(new KrakenStreamHandler(instruments(), config.kraken().depth(), sink, telemetry,
                config.staleAfter().toMillis()));
    }
}
