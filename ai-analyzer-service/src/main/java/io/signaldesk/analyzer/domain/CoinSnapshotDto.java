package io.signaldesk.analyzer.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;

/**
 * One coin of the feed's snapshot as this service takes it in a request body (the trading core's {@code CoinSnapshot}
 * with the bounds a request must keep); a field is null while the feed does not know it yet.
 */
@RegisterForReflection
@Schema(name = "CoinSnapshot")
public record CoinSnapshotDto(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9]{2,10}", message = "must be a ticker of 2-10 letters or digits, e.g. BTC") String coin,
        @Size(max = 30) String symbol,
        @Size(max = 30) String venue,
        @Price BigDecimal lastPrice,
        @Price BigDecimal bestBid,
        @Price BigDecimal bestAsk,
        @Price BigDecimal midPrice,
        @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 18) BigDecimal spread,
        @DecimalMin("-100") @DecimalMax("10000") @Digits(integer = 5, fraction = 18) BigDecimal momentum60sPct,
        @Valid BookImbalanceDto bookImbalance,
        @Valid TradeFlowDto trades60s,
        @Price BigDecimal vwap60s,
        @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 18) BigDecimal volatility60sPct,
        @Min(0) @Max(31_536_000_000L) Long lastEventAgeMs,
        Instant updatedAt) {

    /** The same coin as the trading core's snapshot: what its rules take ({@code TradingRules.evaluate(CoinSnapshot)}). */
    public CoinSnapshot snapshot() {
        return new CoinSnapshot(coin, symbol, venue, lastPrice, bestBid, bestAsk, midPrice, spread, momentum60sPct,
                bookImbalance == null ? null : new BookImbalance(bookImbalance.bidShare(), bookImbalance.bidAskRatio(),
                        bookImbalance.levels()),
                trades60s == null ? null : new TradeFlow(trades60s.buyCount(), trades60s.sellCount(),
                        trades60s.buyVolume(), trades60s.sellVolume()),
                vwap60s, volatility60sPct, lastEventAgeMs, updatedAt);
    }

    /** The trading core's snapshot of a coin as a request would carry it (the model evaluator's replayed samples). */
    public static CoinSnapshotDto of(CoinSnapshot coin) {
        BookImbalance book = coin.bookImbalance();
        TradeFlow flow = coin.trades60s();
        return new CoinSnapshotDto(coin.coin(), coin.symbol(), coin.venue(), coin.lastPrice(), coin.bestBid(),
                coin.bestAsk(), coin.midPrice(), coin.spread(), coin.momentum60sPct(),
                book == null || book.bidShare() == null ? null
                        : new BookImbalanceDto(book.bidShare(), book.bidAskRatio(), book.levels()),
                flow == null ? null : new TradeFlowDto(flow.buyCount(), flow.sellCount(), flow.buyVolume(), flow.sellVolume()),
                coin.vwap60s(), coin.volatility60sPct(), coin.lastEventAgeMs(), coin.updatedAt());
    }

    /** Last price, else mid price: the price the prompt shows. */
    public BigDecimal price() {
        return lastPrice != null ? lastPrice : midPrice;
    }
}
