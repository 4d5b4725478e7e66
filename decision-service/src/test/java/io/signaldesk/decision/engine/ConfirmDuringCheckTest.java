package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.backtest.SimulatedClock;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.LedgerState;
import io.signaldesk.decision.engine.port.ProposalStore;
import io.signaldesk.decision.engine.port.TradeLedger;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/**
 * A person confirms a proposal while the engine is checking the same coin: the confirm's one transaction ends the
 * pending proposal and opens (or closes) the position, and it may commit between two reads of the engine's check. In
 * CI (KafkaTransportIT, PostgreSQL) an ETH entry was confirmed 70 ms before the engine proposed a second ETH entry:
 * it had read "no position" before the commit and "nothing pending" after it. That proposal could never be confirmed
 * (409, a position is open) and waited out its 10-minute TTL. Here the ledger runs the confirm right after the first
 * read of a position or of the pending proposals, on a shared ledger (read through on every use, as PostgreSQL is).
 */
class ConfirmDuringCheckTest {

    private static final Instant T0 = Instant.parse("2026-12-07T20:36:14Z");
    private static final FeedIdentity SIMULATOR = new FeedIdentity("simulator", "run-1", "simulator");

    private final AtomicReference<Runnable> confirmAfterNextRead = new AtomicReference<>();
    private final SimulatedClock clock = new SimulatedClock(T0);
    private ScratchLedger ledger;
    private TradingEngine engine;

    @BeforeEach
    void engineOnASharedLedger() {
        ledger = ScratchLedger.open();
        TradingEngine.Ports real = EngineKit.ports(ledger.db(), new SharedLedger(), AnalyzerPort.NONE, clock);
        TradingEngine.Ports racing = new TradingEngine.Ports(real.analyzer(),
                racing(ProposalStore.class, real.proposals()), racing(TradeLedger.class, real.trades()), real.risk(),
                real.decisions(), real.signals(), real.edges(), real.cooldowns(), real.ledger(), real.notifier(),
                real.clock(), real.registry());
        engine = TradingEngine.onCallersThread(Desk.config(Map.of()), StrategySettings.DEFAULTS
                .withEdge(StrategySettings.Edge.DEFAULTS.withMode(EdgeGate.OFF))
                .withEntryCooldown(Duration.ofSeconds(2)), racing);
        engine.modes.change(Mode.RULES, Policy.VETO);
        engine.proposals.configure(true, 10);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void anEntryConfirmedWhileTheEngineChecksItsCoinIsNotProposedAgain() {
        CoinSnapshot eth = Market.bullish("ETH", "3300");
        Proposal first = proposedEntry(eth);

        clock.advanceTo(T0.plusSeconds(5)); // past the 2-s cooldown, well within the proposal's TTL
        engine.market.accept(Market.snapshot(SIMULATOR, eth));
        confirmAfterNextRead.set(() -> engine.proposals.confirm(engine.proposals.find(first.id()).orElseThrow(), null));
        assertTrue(engine.decisions.evaluateEntry(eth).isEmpty(), "no second entry in ETH");
        runIfNotYet(); // the check may have ended before reading anything the confirm changes

        assertEquals(first.id(), engine.trading.position("ETH").orElseThrow().proposalId());
        assertEquals(List.of(), pending(ProposalKind.ENTRY), "no entry waits that no one could confirm");
        assertEquals(1, engine.proposals.list(null, 100).stream().filter(p -> p.kind() == ProposalKind.ENTRY).count());
    }

    @Test
    void anExitFilledWhileTheEngineChecksItsPositionIsNotProposedAgain() {
        CoinSnapshot eth = Market.bullish("ETH", "3300");
        engine.proposals.confirm(proposedEntry(eth), null);
        CoinSnapshot turned = Market.bearish("ETH", "3300"); // the rules turn against the LONG: an exit
        engine.market.accept(Market.snapshot(SIMULATOR, turned));
        engine.evaluator.evaluate("ETH");
        Proposal exit = single(pending(ProposalKind.EXIT));

        clock.advanceTo(T0.plusSeconds(30)); // the next scheduled exit check, within the exit's TTL
        engine.market.accept(Market.snapshot(SIMULATOR, turned));
        confirmAfterNextRead.set(() -> engine.proposals.confirm(engine.proposals.find(exit.id()).orElseThrow(), null));
        engine.evaluator.evaluate("ETH");
        runIfNotYet();

        assertTrue(engine.trading.position("ETH").isEmpty(), "the exit closed the position");
        assertEquals(List.of(), pending(ProposalKind.EXIT), "no exit waits for a position that is closed");
    }

    /** The engine proposes an entry for {@code coin} at T0 (RULES mode, confirmation on): the pending proposal. */
    private Proposal proposedEntry(CoinSnapshot coin) {
        engine.market.accept(Market.snapshot(SIMULATOR, coin));
        engine.decisions.evaluateEntry(coin).orElseThrow();
        return single(pending(ProposalKind.ENTRY));
    }

    private List<Proposal> pending(ProposalKind kind) {
        return engine.proposals.list(ProposalStatus.PENDING, 100).stream().filter(p -> p.kind() == kind).toList();
    }

    private static Proposal single(List<Proposal> proposals) {
        assertEquals(1, proposals.size(), proposals.toString());
        return proposals.get(0);
    }

    private void runIfNotYet() {
        Runnable confirm = confirmAfterNextRead.getAndSet(null);
        if (confirm != null) {
            confirm.run();
        }
    }

    /** {@code real}, but the armed confirm commits right after the next read of a position or of pending proposals. */
    private <T> T racing(Class<T> port, T real) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] { port }, (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            boolean read = method.getName().equals("position") || method.getName().equals("positions")
                    || method.getName().equals("list") && args[0] == ProposalStatus.PENDING;
            if (read) {
                runIfNotYet();
            }
            return result;
        }));
    }

    /** Several decision services may write it (PostgreSQL): the engine reads its book through on every use. */
    private record SharedLedger() implements LedgerState {

        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public boolean shared() {
            return true;
        }
    }
}
