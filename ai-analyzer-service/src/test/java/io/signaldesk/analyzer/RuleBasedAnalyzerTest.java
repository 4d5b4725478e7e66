package io.signaldesk.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.analyzer.domain.ExitAction;
import io.signaldesk.analyzer.domain.RiskResult;
import io.signaldesk.analyzer.domain.Sentiment;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.analyzer.domain.Signal;
import io.signaldesk.analyzer.domain.TradeSide;
import io.signaldesk.analyzer.service.RuleBasedAnalyzer;

/** The rules on the fixture snapshot: BTC all bullish votes, ETH all bearish, SOL none. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class RuleBasedAnalyzerTest {

    @Inject
    RuleBasedAnalyzer rules;

    @Test
    void picksTheCoinWhoseVotesAgreeMostAndIsDeterministic() {
        SentimentResult first = rules.sentiment(Markets.snapshot().coins());

        assertEquals(new SentimentResult(Sentiment.BULLISH, 9, Signal.LONG, "BTC",
                "BTC momentum +0.35%, bid share 62%, trades 5 buys/2 sells."), first);
        assertEquals(first, rules.sentiment(Markets.snapshot().coins()));
        assertEquals(Sentiment.NEUTRAL, rules.sentiment(java.util.List.of(Markets.coin("SOL"))).sentiment());
    }

    @Test
    void entersOnlyWithTheVotes() {
        assertTrue(rules.entry(Markets.coin("ETH"), TradeSide.SHORT).enter());
        assertFalse(rules.entry(Markets.coin("ETH"), TradeSide.LONG).enter());
    }

    @Test
    void closesAtTheStopLossAndHoldsAWinnerTheMarketBacks() {
        assertEquals(ExitAction.CLOSE, rules.exit(Markets.coin("BTC"), TradeSide.LONG, new BigDecimal("-2.5")).action());
        assertEquals(ExitAction.HOLD, rules.exit(Markets.coin("BTC"), TradeSide.LONG, new BigDecimal("1.0")).action());
        assertEquals(ExitAction.CLOSE, rules.exit(Markets.coin("BTC"), TradeSide.SHORT, new BigDecimal("0.5")).action());
    }

    @Test
    void sizesFromAVolatilityStopWithinBounds() {
        RiskResult btc = rules.risk(Markets.coin("BTC"), TradeSide.LONG);

        assertEquals(new BigDecimal("0.50"), btc.stopLossPct(), "3 x 0.12% volatility is below the 0.5% floor");
        assertEquals(new BigDecimal("20.00"), btc.positionSizePct(), "1% risk / 0.5% stop = 200%, capped at 20%");
        RiskResult against = rules.risk(Markets.coin("BTC"), TradeSide.SHORT);
        assertEquals(new BigDecimal("10.00"), against.positionSizePct(), "halved against the votes");
    }
}
