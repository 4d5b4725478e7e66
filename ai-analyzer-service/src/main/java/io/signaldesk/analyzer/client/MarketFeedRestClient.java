package io.signaldesk.analyzer.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;

/** market-feed-service's HTTP API (quarkus.rest-client.market-feed.url). */
@RegisterRestClient(configKey = "market-feed")
@Path("/api/market")
interface MarketFeedRestClient {

    @GET
    @Path("/snapshot")
    MarketSnapshotDto snapshot();
}
