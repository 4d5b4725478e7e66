package io.signaldesk.feed.venue.coinbase;

import java.math.BigDecimal;

import io.signaldesk.market.domain.BookSide;

/** One level of {@code l2_data}: {@code new_quantity} is absolute, 0 removes the level. */
public record CoinbaseL2Update(BookSide side, BigDecimal priceLevel, BigDecimal newQuantity) {
}
