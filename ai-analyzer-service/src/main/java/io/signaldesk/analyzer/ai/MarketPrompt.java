package io.signaldesk.analyzer.ai;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;

/**
 * Renders the market data of the coins asked about as one compact line per coin, the product prompt's four sections in
 * the order the system prompt's legend names them: {@code BTC 95000, momentum +0.35%, bids 62%, 5 buys/2 sells, buy
 * volume 76%}. Every token here is evaluated on every question (the numbers change each tick, so nothing after the
 * first of them is in Ollama's cache): the labels are single words, the numbers no more precise than a decision needs.
 */
public final class MarketPrompt {

    static final String UNKNOWN = "n/a";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Five significant digits: 1 USDT on BTC, 0.01 % of any price, finer than the rules' 0.05 % flat band. */
    private static final MathContext PRICE_DIGITS = new MathContext(5, RoundingMode.HALF_UP);

    private MarketPrompt() {
    }

    public static String render(List<CoinSnapshot> coins) {
        return coins.stream().map(MarketPrompt::line).collect(Collectors.joining("\n"));
    }

    /** One coin: price, 60 s momentum, book bid share, 60 s trade counts and the buy share of their volume. */
    static String line(CoinSnapshot c) {
        return c.coin() + " " + price(shown(c)) + ", momentum " + signedPct(c.momentum60sPct()) + ", bids "
                + book(c.bookImbalance()) + ", " + trades(c.trades60s());
    }

    /** The price a market line shows: the last trade, else the mid (the core's mark is the other way round). */
    public static BigDecimal shown(CoinSnapshot coin) {
        return coin.lastPrice() != null ? coin.lastPrice() : coin.midPrice();
    }

    public static String price(BigDecimal price) {
        if (price == null) {
            return UNKNOWN;
        }
        BigDecimal rounded = price.round(PRICE_DIGITS);
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).stripTrailingZeros().toPlainString();
    }

    /** {@code " at 95010"} when the price asked about is not the coin's price as the market line shows it, else nothing. */
    public static String atPrice(BigDecimal asked, CoinSnapshot coin) {
        return differs(asked, coin) ? " at " + price(asked) : "";
    }

    /** {@code ", now 95010"} when the position's current price is not the coin's price as the market line shows it. */
    public static String nowPrice(BigDecimal current, CoinSnapshot coin) {
        return differs(current, coin) ? ", now " + price(current) : "";
    }

    private static boolean differs(BigDecimal asked, CoinSnapshot coin) {
        return asked != null && !price(asked).equals(price(shown(coin)));
    }

    /** An amount of money to the whole unit (equity in USDT). */
    public static String wholeUnits(BigDecimal amount) {
        return amount == null ? UNKNOWN : amount.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    public static String signedPct(BigDecimal pct) {
        if (pct == null) {
            return UNKNOWN;
        }
        BigDecimal rounded = pct.setScale(2, RoundingMode.HALF_UP);
        return (rounded.signum() >= 0 ? "+" : "") + rounded.toPlainString() + "%";
    }

    private static String book(BookImbalance book) {
        if (book == null || book.bidShare() == null) {
            return UNKNOWN;
        }
        // the bid/ask ratio says the same as the share: tokens spent twice
        return wholePct(book.bidShare());
    }

    private static String trades(TradeFlow flow) {
        if (flow == null || flow.buyCount() == null || flow.sellCount() == null) {
            return "trades " + UNKNOWN;
        }
        String counts = flow.buyCount() + " buys/" + flow.sellCount() + " sells";
        if (flow.buyVolume() == null || flow.sellVolume() == null) {
            return counts;
        }
        BigDecimal total = flow.buyVolume().add(flow.sellVolume());
        // the rules weigh buy against sell volume: their share says it in one number where two volumes took ten tokens
        return total.signum() == 0 ? counts : counts + ", buy volume " + wholePct(flow.buyVolume().divide(total, MathContext.DECIMAL64));
    }

    private static String wholePct(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP) + "%";
    }
}
