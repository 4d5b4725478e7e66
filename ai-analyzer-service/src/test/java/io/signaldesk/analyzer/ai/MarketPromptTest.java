package io.signaldesk.analyzer.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.Markets;
import io.signaldesk.analyzer.domain.CoinSnapshotDto;

class MarketPromptTest {

    @Test
    void rendersThreeCoinsInTheProductSectionsWithinAThousandCharacters() {
        String market = MarketPrompt.render(Markets.snapshot().coins());

        assertEquals("""
                CURRENT PRICES: BTC 95000.1, ETH 3300.55, SOL 142.37
                MOMENTUM (60s): BTC +0.35%, ETH -0.12%, SOL +0.02%
                ORDER BOOK IMBALANCE: BTC bids 62%, ETH bids 41%, SOL bids 50%
                RECENT TRADES: BTC 5 buys/2 sells (vol 1.25/0.4), ETH 3 buys/6 sells (vol 4.5/9.125), SOL 12 buys/11 sells (vol 310.5/298.25)""",
                market);
        assertTrue(market.length() <= 1000, "market data is " + market.length() + " characters");
    }

    @Test
    void saysNotAvailableForFiguresTheFeedDoesNotKnowYet() {
        CoinSnapshotDto bare = new CoinSnapshotDto("BTC", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);

        assertEquals("""
                CURRENT PRICES: BTC n/a
                MOMENTUM (60s): BTC n/a
                ORDER BOOK IMBALANCE: BTC n/a
                RECENT TRADES: BTC n/a""", MarketPrompt.render(List.of(bare)));
    }

    @Test
    void putsTheTaskLineFirstAndTheMarketNumbersLast() {
        String question = Prompts.entry("LONG BTC at 95000.1", MarketPrompt.render(List.of(Markets.coin("BTC"))));

        assertTrue(question.startsWith("ENTRY LONG BTC at 95000.1\nCURRENT PRICES: BTC "), question);
        assertTrue(Prompts.SYSTEM.contains("at most " + AnswerSchema.REASON_MAX_CHARS + " characters"));
    }
}
