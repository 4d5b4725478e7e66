package io.signaldesk.analyzer.domain;

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

/** One coin of the feed's snapshot; a field is null while the feed does not know it yet. */
@RegisterForReflection
public record CoinSnapshot(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9]{2,10}", message = "must be a ticker of 2-10 letters or digits, e.g. BTC") String coin,
        @Size(max = 30) String symbol,
        @Size(max = 30) String venue,
        @Price BigDecimal lastPrice,
        @Price BigDecimal bestBid,
        @Price BigDecimal bestAsk,
        @Price BigDecimal midPrice,
        @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 18) BigDecimal spread,
        @DecimalMin("-100") @DecimalMax("10000") @Digits(integer = 5, fraction = 18) BigDecimal momentum60sPct,
        @Valid BookImbalance bookImbalance,
        @Valid TradeFlow trades60s,
        @Price BigDecimal vwap60s,
        @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 18) BigDecimal volatility60sPct,
        @Min(0) @Max(31_536_000_000L) Long lastEventAgeMs,
        Instant updatedAt) {

    /** Last price, else mid price: the price the prompt shows. */
    public BigDecimal price() {
        return lastPrice != null ? lastPrice : midPrice;
    }
}
