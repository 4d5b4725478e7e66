package io.signaldesk.feed.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.signaldesk.feed.service.SourceManager;
import io.signaldesk.feed.source.SourceStatus;

/** Ready while the running source delivers data (or delivered within feed.stale-after). */
@Readiness
@ApplicationScoped
public class MarketSourceHealthCheck implements HealthCheck {

    private final SourceManager sources;

    public MarketSourceHealthCheck(SourceManager sources) {
        this.sources = sources;
    }

    @Override
    public HealthCheckResponse call() {
        SourceStatus status = sources.status();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("market-source")
                .status(sources.delivering()).withData("source", sources.sourceName());
        if (sources.waitingForClients()) {
            builder.withData("waitingForClients", true); // feed.replay.wait-for-clients: ready for them to connect
        }
        if (status != null) {
            builder.withData("state", status.state().name()).withData("messages", status.messages());
            if (status.lastMessage() != null) {
                builder.withData("lastMessage", status.lastMessage().toString());
            }
        }
        return builder.build();
    }
}
