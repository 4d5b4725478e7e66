package io.signaldesk.analyzer.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.Markets;
import io.signaldesk.analyzer.service.EntryTask;
import io.signaldesk.analyzer.service.ExitTask;
import io.signaldesk.analyzer.service.RiskTask;
import io.signaldesk.analyzer.service.SentimentTask;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.PositionSide;

class MarketPromptTest {

    @Test
    void rendersOneLinePerCoinWithTheProductSectionsInTheLegendsOrder() {
        String market = MarketPrompt.render(Markets.snapshot().coins());

        assertEquals("""
                BTC 95000, momentum +0.35%, bids 62%, 5 buys/2 sells, buy volume 76%
                ETH 3300.6, momentum -0.12%, bids 41%, 3 buys/6 sells, buy volume 33%
                SOL 142.37, momentum +0.02%, bids 50%, 12 buys/11 sells, buy volume 51%""", market);
        assertTrue(Prompts.SYSTEM.contains("momentum (price change over the last 60 s), bids (the order book's bid share)"),
                "the legend names the fields in the line's order");
    }

    @Test
    void showsPricesToFiveSignificantDigitsWithoutLosingWholeUnits() {
        assertEquals("123460", MarketPrompt.price(new BigDecimal("123456.78")));
        assertEquals("95000", MarketPrompt.price(new BigDecimal("95000.10")));
        assertEquals("0.12346", MarketPrompt.price(new BigDecimal("0.123456")));
        assertEquals("0.000012346", MarketPrompt.price(new BigDecimal("0.0000123456")));
        assertEquals("1", MarketPrompt.price(new BigDecimal("1.0000")));
    }

    @Test
    void saysNotAvailableForFiguresTheFeedDoesNotKnowYet() {
        CoinSnapshot bare = new CoinSnapshot("BTC", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);

        assertEquals("BTC n/a, momentum n/a, bids n/a, trades n/a", MarketPrompt.render(List.of(bare)));
    }

    @Test
    void putsTheTaskLineFirstAndNamesAPriceOnlyWhereItIsNotTheMarketsOwn() {
        CoinSnapshot btc = Markets.coin("BTC");

        assertEquals("ENTRY LONG\nBTC 95000, momentum +0.35%, bids 62%, 5 buys/2 sells, buy volume 76%",
                new EntryTask(btc, PositionSide.LONG, new BigDecimal("95000.1")).question());
        assertTrue(new EntryTask(btc, PositionSide.SHORT, new BigDecimal("94800")).question().startsWith("ENTRY SHORT at 94800\nBTC 95000, "));
        assertTrue(new RiskTask(btc, PositionSide.LONG, new BigDecimal("95000.1"), new BigDecimal("10000.40")).question()
                .startsWith("RISK LONG, equity 10000 USDT\nBTC 95000, "));
        assertEquals("EXIT LONG 0.01 from 94000 (+1.06%), open 12 min\nBTC 95000, momentum +0.35%, bids 62%, 5 buys/2 sells, buy volume 76%",
                new ExitTask(btc, PositionSide.LONG, new BigDecimal("94000"), new BigDecimal("95000.1"), new BigDecimal("0.01"),
                        Instant.parse("2026-11-25T11:48:00Z"), Instant.parse("2026-11-25T12:00:00Z")).question());
        assertTrue(new ExitTask(btc, PositionSide.SHORT, new BigDecimal("96000"), new BigDecimal("95500"), null, null, null)
                .question().startsWith("EXIT SHORT from 96000, now 95500 (+0.52%)\nBTC 95000, "));
        assertEquals("SENTIMENT\nBTC 95000, ", new SentimentTask(Markets.snapshot().coins()).question().substring(0, 21));
        assertTrue(Prompts.SYSTEM.contains("at most " + AnswerSchema.REASON_MAX_CHARS + " characters"));
    }

    @Test
    void keepsTheVolumesOutWhenNothingTraded() {
        CoinSnapshot quiet = new CoinSnapshot("SOL", null, null, new BigDecimal("142.37"), null, null, null, null,
                BigDecimal.ZERO, null, new io.signaldesk.core.market.TradeFlow(0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                null, null, null, null);

        assertEquals("SOL 142.37, momentum +0.00%, bids n/a, 0 buys/0 sells", MarketPrompt.render(List.of(quiet)));
    }
}
