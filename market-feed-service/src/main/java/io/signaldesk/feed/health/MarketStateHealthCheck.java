package io.signaldesk.feed.health;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.service.SourceManager;

/**
 * Ready while every followed coin has a valid state (a mark, windows not being rebuilt); each coin is listed UP or
 * with its reason. A replay waiting for its clients has played nothing yet and is not held against it.
 */
@Readiness
@ApplicationScoped
public class MarketStateHealthCheck implements HealthCheck {

    private final MarketStateService state;
    private final SourceManager sources;

    public MarketStateHealthCheck(MarketStateService state, SourceManager sources) {
        this.state = state;
        this.sources = sources;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> invalid = state.invalidCoins();
        boolean waiting = sources.waitingForClients();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("market-state")
                .status(invalid.isEmpty() || waiting);
        for (String coin : state.coins()) {
            builder.withData(coin, invalid.getOrDefault(coin, "UP"));
        }
        return builder.build();
    }
}
