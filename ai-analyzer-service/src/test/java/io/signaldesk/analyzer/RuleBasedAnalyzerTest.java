package io.signaldesk.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.ExitAction;
import io.signaldesk.analyzer.domain.ExitResult;
import io.signaldesk.analyzer.domain.RiskResult;
import io.signaldesk.analyzer.domain.Sentiment;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.analyzer.service.RuleBasedAnalyzer;
import io.signaldesk.core.contract.Contracts;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.rules.RuleThresholds;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;

/**
 * The labelled rules answers are the trading core's rules at the decision service's thresholds (momentum 0.2 %, bid
 * share 0.55, flow 1.2) and the paper trader's stop/target (1.5 % / 3 %), on the fixture snapshot: BTC +0.35 %, bids
 * 62 %, buy/sell volume 1.25/0.40 (a LONG); ETH -0.12 % (inside the momentum threshold: WAIT); SOL +0.02 % (WAIT).
 * Until issue 11 the analyzer had its own rules (0.10 %, 0.60, buy-count share 0.60, stop 2 %): ETH was a SHORT here.
 */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class RuleBasedAnalyzerTest {

    @Inject
    RuleBasedAnalyzer rules;

    @Test
    void usesTheEnginesThresholdsFromTheSameKeys() {
        assertEquals(RuleThresholds.DEFAULTS, rules.rules().thresholds());
    }

    @Test
    void answersWhatTheEnginesRulesDecideOnTheSameSnapshot() {
        TradingRules engine = new TradingRules(RuleThresholds.DEFAULTS);
        for (CoinSnapshot coin : Markets.snapshot().coins()) {
            Direction decided = engine.evaluate(coin).direction();
            for (PositionSide side : PositionSide.values()) {
                assertEquals(decided == side.direction(), rules.entry(coin, side).enter(), coin.coin() + " " + side);
            }
        }
    }

    @Test
    void answersACandleSnapshotAsTheEnginesRulesDo() throws Exception {
        // before the one rule entry this answered "not enough market data yet" (WAIT) where the engine said LONG at 7
        CoinSnapshot candle = new ObjectMapper().findAndRegisterModules()
                .readValue(Contracts.fixture(Contracts.CANDLE_SNAPSHOT), CoinSnapshot.class);
        JsonNode engine = Contracts.json(Contracts.CANDLE_SNAPSHOT_RULES);

        EntryResult entry = rules.entry(candle, PositionSide.LONG);
        assertTrue(entry.enter());
        assertEquals(engine.path("confidence").asInt(), entry.confidence());
        assertEquals("Rules back LONG: BTC " + engine.path("reason").asText() + ".", entry.reason());
        SentimentResult sentiment = rules.sentiment(List.of(candle));
        assertEquals(Direction.valueOf(engine.path("direction").asText()), sentiment.signal());
        assertEquals(engine.path("confidence").asInt(), sentiment.confidence());
    }

    @Test
    void sentimentPicksTheCoinWithASignalAndIsDeterministic() {
        SentimentResult first = rules.sentiment(Markets.snapshot().coins());

        // 6 at the thresholds, +1 for flow: 1.25 >= 2 x 1.2 x 0.40 = 0.96; momentum 0.35 < 0.4 and bids 0.62 < 0.65 add none
        assertEquals(new SentimentResult(Sentiment.BULLISH, 7, Direction.LONG, "BTC",
                "BTC LONG: momentum 0.35%, bids 62% of book, buy/sell volume 1.25/0.4."), first);
        assertEquals(first, rules.sentiment(Markets.snapshot().coins()));
        assertEquals(Sentiment.NEUTRAL, rules.sentiment(List.of(Markets.coin("SOL"))).sentiment());
        // ETH -0.12 % is inside the 0.2 % momentum threshold: no SHORT (the old analyzer rules said SHORT at 0.10 %)
        assertEquals(Direction.WAIT, rules.sentiment(List.of(Markets.coin("ETH"))).signal());
    }

    @Test
    void entersOnlyWhatTheRulesGive() {
        assertTrue(rules.entry(Markets.coin("BTC"), PositionSide.LONG).enter());
        assertFalse(rules.entry(Markets.coin("BTC"), PositionSide.SHORT).enter());
        assertFalse(rules.entry(Markets.coin("ETH"), PositionSide.SHORT).enter());
    }

    @Test
    void closesAtThePaperTradersStopAndTarget() {
        CoinSnapshot btc = Markets.coin("BTC");
        // LONG from 100000: stop 100000 x 0.985 = 98500, target 100000 x 1.03 = 103000
        assertEquals(ExitAction.CLOSE, exit(btc, PositionSide.LONG, "100000", "98500").action());
        assertTrue(exit(btc, PositionSide.LONG, "100000", "98500").reason().contains("stop-loss"));
        // 98500.01 is above the stop; the rules still say LONG: hold (the old analyzer stop was 2 %)
        assertEquals(ExitAction.HOLD, exit(btc, PositionSide.LONG, "100000", "98500.01").action());
        assertEquals(ExitAction.CLOSE, exit(btc, PositionSide.LONG, "100000", "103000").action());
        assertTrue(exit(btc, PositionSide.LONG, "100000", "103000").reason().contains("take-profit"));
        assertEquals(ExitAction.HOLD, exit(btc, PositionSide.LONG, "100000", "102999.99").action());
    }

    @Test
    void closesWhenTheRulesTurnToTheOtherSide() {
        // a SHORT on BTC, 0.1 % in profit, but the rules say LONG
        ExitResult turned = exit(Markets.coin("BTC"), PositionSide.SHORT, "95100", "95000.10");
        assertEquals(ExitAction.CLOSE, turned.action());
        assertEquals(7, turned.confidence());
        // a SHORT on SOL (rules WAIT) holds
        assertEquals(ExitAction.HOLD, exit(Markets.coin("SOL"), PositionSide.SHORT, "142.5", "142.37").action());
    }

    @Test
    void sizesFromAVolatilityStopWithinBounds() {
        RiskResult btc = rules.risk(Markets.coin("BTC"), PositionSide.LONG);

        assertEquals(new BigDecimal("0.50"), btc.stopLossPct(), "3 x 0.12% volatility is below the 0.5% floor");
        assertEquals(new BigDecimal("20.00"), btc.positionSizePct(), "1% risk / 0.5% stop = 200%, capped at 20%");
        RiskResult against = rules.risk(Markets.coin("BTC"), PositionSide.SHORT);
        assertEquals(new BigDecimal("10.00"), against.positionSizePct(), "halved against the rules");
    }

    private ExitResult exit(CoinSnapshot coin, PositionSide side, String entry, String current) {
        BigDecimal entryPrice = new BigDecimal(entry);
        BigDecimal currentPrice = new BigDecimal(current);
        BigDecimal move = currentPrice.subtract(entryPrice).multiply(BigDecimal.valueOf(100))
                .divide(entryPrice, java.math.MathContext.DECIMAL64);
        return rules.exit(coin, side, entryPrice, currentPrice, side == PositionSide.LONG ? move : move.negate());
    }
}
