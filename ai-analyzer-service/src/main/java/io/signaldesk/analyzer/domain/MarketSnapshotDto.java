package io.signaldesk.analyzer.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The feed's market snapshot (GET /api/market/snapshot of market-feed-service). */
@RegisterForReflection
public record MarketSnapshot(@Size(max = 50) String source, Instant asOf, @Size(max = 50) List<@Valid CoinSnapshot> coins) {

    public MarketSnapshot {
        coins = coins == null ? List.of() : coins.stream().filter(java.util.Objects::nonNull).toList();
    }

    public Optional<CoinSnapshot> coin(String coin) {
        String wanted = coin.toUpperCase(Locale.ROOT);
        return coins.stream().filter(c -> wanted.equals(c.coin())).findFirst();
    }

    /** The same snapshot narrowed to the given coins, in the order asked. */
    public MarketSnapshot only(List<String> wanted) {
        return new MarketSnapshot(source, asOf, wanted.stream().map(this::coin).flatMap(Optional::stream).toList());
    }
}
