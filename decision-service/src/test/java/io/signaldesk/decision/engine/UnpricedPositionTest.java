package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.backtest.SimulatedClock;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.PaperTradingService.MarkedPosition;
import io.signaldesk.decision.engine.PaperTradingService.Portfolio;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/**
 * A position whose coin has no price at all (dropped from feed.coins, or not priced yet after a restart) is held at its
 * entry price with only its entry fee paid, as one of another market is: no exit slippage and fee (0.05 % + 0.1 % of
 * the entry's notional) charged on a fill no one can price, which read as a standing ~0.15 % loss counted toward the
 * daily-loss limit.
 */
class UnpricedPositionTest {

    private static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");
    private static final FeedIdentity SIMULATOR = new FeedIdentity("simulator", "run-1", "simulator");
    private static final FeedIdentity BINANCE = new FeedIdentity("binance", "run-2", "binance");

    private final ScratchLedger ledger = ScratchLedger.open();
    private final EngineKit kit = new EngineKit(Desk.config(Map.of()), StrategySettings.DEFAULTS
            .withEdge(StrategySettings.Edge.DEFAULTS.withMode(EdgeGate.OFF)).withEntryCooldown(Duration.ofSeconds(2)),
            new SimulatedClock(T0), ledger, AnalyzerPort.NONE);

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aPositionWithNoPriceIsHeldAtItsEntryWithoutExitCostsAsOneOfAnotherMarketIs() {
        kit.modes.change(Mode.RULES, Policy.VETO);
        kit.proposals.configure(false, 1); // entries filled as proposed
        kit.accept(Market.snapshot(SIMULATOR, Market.bullish("SOL", "150")));
        MarkedPosition open = only(kit.trading.account());
        BigDecimal entryFee = open.position().entryFee();

        // SOL dropped from feed.coins: the frames name ETH only, SOL has no price at all
        kit.market.clear();
        kit.market.accept(Market.snapshot(SIMULATOR, Market.flat("ETH", "3300")));
        MarkedPosition unpriced = only(kit.trading.account());
        assertEquals("no price yet", unpriced.note());
        assertNumber(entryFee.negate(), unpriced.unrealizedPnl());
        assertNumber(BigDecimal.ZERO, unpriced.exitFee());
        assertNumber(open.position().entryPrice(), unpriced.exitPrice());
        assertNumber(new BigDecimal("10000").subtract(entryFee), kit.trading.account().equity());

        // the same position priced on another market reads the same
        kit.market.accept(Market.snapshot(BINANCE, Market.flat("SOL", "233.41")));
        MarkedPosition foreign = only(kit.trading.account());
        assertEquals(unpriced.unrealizedPnl(), foreign.unrealizedPnl());
        assertEquals(unpriced.exitFee(), foreign.exitFee());
    }

    private static MarkedPosition only(Portfolio portfolio) {
        assertEquals(1, portfolio.positions().size(), portfolio.positions().toString());
        return portfolio.positions().get(0);
    }

    private static void assertNumber(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
