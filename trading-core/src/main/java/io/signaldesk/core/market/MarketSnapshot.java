package io.signaldesk.core.market;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Every followed coin at {@code asOf}, from the feed {@code source} (simulator, binance, replay, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MarketSnapshot(String source, Instant asOf, List<CoinSnapshot> coins) {

    public MarketSnapshot {
        coins = coins == null ? List.of() : coins.stream().filter(java.util.Objects::nonNull).toList();
    }
}
