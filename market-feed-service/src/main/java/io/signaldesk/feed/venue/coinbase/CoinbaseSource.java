package io.signaldesk.feed.venue.coinbase;

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

/** Coinbase Advanced Trade public channels: {@code market_trades}, {@code level2} and {@code heartbeats}. */
@ApplicationScoped
public class CoinbaseSource extends LiveVenueSource {

    public CoinbaseSource(FeedConfig config, Vertx vertx, MeterRegistry registry) {
        super(config, vertx, registry);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.COINBASE;
    }

    @Override
    protected Venue venue() {
        return Venue.COINBASE;
    }

    @Override
    protected List<Instrument> instruments() {
        return config.coins().stream().map(coin -> CoinbaseAdapter.instrument(coin, config.coinbase().quote())).toList();
    }

    @Override
    protected String url() {
        return config.coinbase().url();
    }

    @Override
    protected VenueProtocol protocol(MarketEventSink sink, VenueTelemetry telemetry) {
        return protocolOf(new CoinbaseStreamHandler(instruments(), sink, telemetry,
                config.staleAfter().toMillis()));
    }
}
