package io.signaldesk.analyzer.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.signaldesk.analyzer.domain.BookImbalanceDto;
import io.signaldesk.analyzer.domain.CoinSnapshotDto;
import io.signaldesk.analyzer.domain.TradeFlowDto;

/** Renders market data as the product prompt's four sections, one compact line each, for the coins asked about only. */
public final class MarketPrompt {

    static final String UNKNOWN = "n/a";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MarketPrompt() {
    }

    public static String render(List<CoinSnapshotDto> coins) {
        return "CURRENT PRICES: " + line(coins, c -> price(c.price())) + "\n"
                + "MOMENTUM (60s): " + line(coins, c -> signedPct(c.momentum60sPct())) + "\n"
                + "ORDER BOOK IMBALANCE: " + line(coins, c -> book(c.bookImbalance())) + "\n"
                + "RECENT TRADES: " + line(coins, c -> trades(c.trades60s()));
    }

    public static String price(BigDecimal price) {
        if (price == null) {
            return UNKNOWN;
        }
        int scale = price.abs().compareTo(BigDecimal.TEN) >= 0 ? 2 : 4;
        return price.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    public static String signedPct(BigDecimal pct) {
        if (pct == null) {
            return UNKNOWN;
        }
        BigDecimal rounded = pct.setScale(2, RoundingMode.HALF_UP);
        return (rounded.signum() >= 0 ? "+" : "") + rounded.toPlainString() + "%";
    }

    private static String line(List<CoinSnapshotDto> coins, Function<CoinSnapshotDto, String> value) {
        return coins.stream().map(c -> c.coin() + " " + value.apply(c)).collect(Collectors.joining(", "));
    }

    private static String book(BookImbalanceDto book) {
        if (book == null || book.bidShare() == null) {
            return UNKNOWN;
        }
        // the bid/ask ratio says the same as the share: tokens spent twice
        return "bids " + book.bidShare().multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP) + "%";
    }

    private static String trades(TradeFlowDto flow) {
        if (flow == null || flow.buyCount() == null || flow.sellCount() == null) {
            return UNKNOWN;
        }
        String counts = flow.buyCount() + " buys/" + flow.sellCount() + " sells";
        if (flow.buyVolume() == null || flow.sellVolume() == null) {
            return counts;
        }
        return counts + " (vol " + volume(flow.buyVolume()) + "/" + volume(flow.sellVolume()) + ")";
    }

    private static String volume(BigDecimal volume) {
        return volume.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
