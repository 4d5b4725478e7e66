package io.signaldesk.analyzer.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.CoinSnapshot;

/**
 * The feed's market snapshot (GET /api/market/snapshot of market-feed-service) and the market a request asks about: the
 * trading core's {@link CoinSnapshot}s as the feed and the decision service send them, each checked at this edge
 * ({@link ValidCoin}) before a prompt shows it.
 */
@RegisterForReflection
@Schema(name = "MarketSnapshot")
public record MarketSnapshotDto(@Size(max = 50) String source, Instant asOf, @Size(max = 50) List<@ValidCoin CoinSnapshot> coins) {

    public MarketSnapshotDto {
        coins = coins == null ? List.of() : coins.stream().filter(java.util.Objects::nonNull).toList();
    }

    public Optional<CoinSnapshot> coin(String coin) {
        String wanted = coin.toUpperCase(Locale.ROOT);
        return coins.stream().filter(c -> wanted.equals(c.coin())).findFirst();
    }

    /**
     * The market's time of this snapshot for {@code coin}: the snapshot's {@code asOf}, else the coin's
     * {@code updatedAt}, else now (a snapshot that says neither is a live one).
     */
    public Instant marketTime(CoinSnapshot coin) {
        return asOf != null ? asOf : coin.updatedAt() != null ? coin.updatedAt() : Instant.now();
    }

    /** The same snapshot narrowed to the given coins, in the order asked. */
    public MarketSnapshotDto only(List<String> wanted) {
        return new MarketSnapshotDto(source, asOf, wanted.stream().map(this::coin).flatMap(Optional::stream).toList());
    }
}
