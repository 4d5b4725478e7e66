package io.signaldesk.analyzer.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.core.market.Coin;

/** Coins to analyse (default: all of the snapshot) and optionally the snapshot itself (default: fetched from the feed). */
public record SentimentRequest(
        @Size(min = 1, max = 20) List<@Pattern(regexp = Coin.PATTERN, message = Coin.MESSAGE) String> coins,
        @Valid MarketSnapshotDto market) {
}
