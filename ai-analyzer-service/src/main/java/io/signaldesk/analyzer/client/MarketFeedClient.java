package io.signaldesk.analyzer.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;

/** Reads the market snapshot from market-feed-service. */
@ApplicationScoped
public class MarketFeedClient {

    private final MarketFeedRestClient feed;
    private final String url;

    public MarketFeedClient(@RestClient MarketFeedRestClient feed,
            @ConfigProperty(name = "quarkus.rest-client.market-feed.url") String url) {
        this.feed = feed;
        this.url = url;
    }

    /** @throws FeedUnavailableException when the feed cannot be reached or answers an error */
    public MarketSnapshotDto snapshot() {
        try {
            MarketSnapshotDto snapshot = feed.snapshot();
            if (snapshot == null) {
                throw new FeedUnavailableException(url, "empty answer");
            }
            // a coin without a ticker cannot be analysed or named in a prompt
            return new MarketSnapshotDto(snapshot.source(), snapshot.asOf(), snapshot.coins().stream()
                    .filter(coin -> coin.coin() != null && !coin.coin().isBlank()).toList());
        } catch (FeedUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FeedUnavailableException(url, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
