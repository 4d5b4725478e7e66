package io.signaldesk.decision.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.TradingEngine;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.RestartLedger;

/**
 * The entry cooldown survives a restart (issue 22): an engine decides on a BTC entry (the edge gate, cold, answers
 * NO_EDGE: a decision, no proposal, so nothing else holds BTC back) and is dropped without a stop or a close, as a
 * kill -9 leaves it; a new engine on the same ledger (migrated again, as at a start) does not decide on BTC again
 * until the 30 s cooldown has passed, and decides on a coin it never saw at once. SQLite always; PostgreSQL when
 * installed (the same portable migration, V11).
 */
class EntryCooldownRestartTest {

    private static final Instant T0 = Instant.parse("2026-12-07T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aCooldownRunningOnSqliteWhenTheEngineDiesHoldsAfterTheRestart() {
        aCooldownRunningWhenTheEngineDiesHoldsAfterTheRestart(RestartLedger.sqlite(dir.resolve("ledger.db")));
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void aCooldownRunningOnPostgresWhenTheEngineDiesHoldsAfterTheRestart() {
            aCooldownRunningWhenTheEngineDiesHoldsAfterTheRestart(RestartLedger.postgres("cooldown"));
        }
    }

    private static void aCooldownRunningWhenTheEngineDiesHoldsAfterTheRestart(RestartLedger ledger) {
        TradingEngine first = engine(ledger, Clock.fixed(T0, ZoneOffset.UTC));
        CoinSnapshot btc = Market.bullish("BTC", "60000");
        Decision decided = evaluate(first, btc).orElseThrow();
        assertEquals(DecisionOutcome.NO_EDGE, decided.outcome(), "the cold edge gate: a decision, no proposal");
        assertTrue(first.proposals.list(ProposalStatus.PENDING, 10).isEmpty());
        assertTrue(evaluate(first, btc).isEmpty(), "the first engine's own cooldown");
        // the first engine is dropped here: no stop, no close, nothing flushed (a kill -9)

        TradingEngine second = engine(ledger, Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC));
        assertEquals(Optional.of(T0.plusSeconds(30)), second.decisions.cooldownUntil("BTC", T0.plusSeconds(10)),
                "the cooldown the first engine started, read from the ledger");
        assertTrue(evaluate(second, btc).isEmpty(), "10 s after the decision, BTC is still cooling down");
        assertEquals(DecisionOutcome.NO_EDGE, evaluate(second, Market.bullish("ETH", "3000")).orElseThrow().outcome(),
                "a coin without a cooldown is decided on at once");

        TradingEngine third = engine(ledger, Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC));
        assertEquals(DecisionOutcome.NO_EDGE, evaluate(third, btc).orElseThrow().outcome(),
                "31 s after the decision the cooldown has passed");
        assertTrue(third.decisions.cooldownUntil("BTC", T0.plusSeconds(31)).isPresent(), "and a new one runs");
    }

    private static Optional<Decision> evaluate(TradingEngine engine, CoinSnapshot coin) {
        engine.market.accept(Market.snapshot(coin));
        return engine.decisions.evaluateEntry(coin);
    }

    /** The live engine on {@code ledger}, migrated first as the service does at each start; RULES, the gate on. */
    private static TradingEngine engine(RestartLedger ledger, Clock clock) {
        return Desk.rulesEngine(new Db(ledger.started()), false,
                StrategySettings.DEFAULTS.withEntryCooldown(Duration.ofSeconds(30)), clock);
    }
}
