package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.core.edge.EdgeGate;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.backtest.BacktestConfig;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.RestartLedger;

/**
 * A gated model setup is probed at most once strategy.edge.probe-every (5 min here) across a restart: the last probe
 * of each setup is in the ledger (edge_probe, V17), so a service started again (a kill -9: nothing flushed) does not
 * probe every gated setup at once. SQLite always; PostgreSQL when installed.
 */
class ProbePaceRestartTest {

    private static final Instant T0 = Instant.parse("2026-12-07T15:00:00Z");
    private static final DecisionConfig.ModelRecordSettings MODEL_RECORD = new BacktestConfig(Map.of(),
            new ModeSetting(Mode.AI, Policy.VETO), true, 1, null).config(Map.of()).modelRecord();

    @TempDir
    Path dir;

    @Test
    void aSetupProbedBeforeARestartOnSqliteWaitsItsIntervalAfterIt() {
        aSetupProbedBeforeARestartWaitsItsIntervalAfterIt(RestartLedger.sqlite(dir.resolve("ledger.db")));
    }

    @Test
    void probesArePacedAndCountedPerMarketAcrossARestartOnSqlite() {
        probesArePacedAndCountedPerMarketAcrossARestart(RestartLedger.sqlite(dir.resolve("markets.db")));
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void aSetupProbedBeforeARestartOnPostgresWaitsItsIntervalAfterIt() {
            aSetupProbedBeforeARestartWaitsItsIntervalAfterIt(RestartLedger.postgres("probes"));
        }

        @Test
        void probesArePacedAndCountedPerMarketAcrossARestartOnPostgres() {
            probesArePacedAndCountedPerMarketAcrossARestart(RestartLedger.postgres("probemarkets"));
        }
    }

    /**
     * A probe on the simulator's made-up prices neither holds back the same setup's probe on Binance nor counts as
     * Binance's, and a replay of October's data (its market time two months back) is probed at once, not after the
     * live probe's time comes round again; each market's pace and scored probes are read back after a restart.
     */
    private static void probesArePacedAndCountedPerMarketAcrossARestart(RestartLedger ledger) {
        java.util.concurrent.atomic.AtomicReference<String> feed = new java.util.concurrent.atomic.AtomicReference<>(
                "simulator");
        EdgeService first = edge(ledger, feed);
        EdgeService.Probe probe = first.probeDue(Market.bullish("BTC", "60000"), "ai", Direction.LONG, T0).orElseThrow();
        first.probed(probe, "ANSWERED", 8);
        first.observe(Market.flat("BTC", "60600"), T0.plus(Duration.ofMinutes(16)));
        assertTrue(first.probeDue(Market.bullish("BTC", "60600"), "ai", Direction.LONG, T0.plus(Duration.ofMinutes(16)))
                .isPresent(), "the simulator's own pace: due again after 5 min");

        feed.set("binance");
        Instant live = T0.plus(Duration.ofMinutes(17));
        assertTrue(first.probeDue(Market.bullish("BTC", "97210.5"), "ai", Direction.LONG, live).isPresent(),
                "a minute after the simulator's probe, Binance's own is due at once");
        assertEquals(Map.of("asked", 1L, "scored", 0L), figures(first.status()), "Binance's probes only");
        assertEquals(Map.of("asked", 2L, "scored", 1L), figures(first.status("simulator")));

        EdgeService second = edge(ledger, feed);
        assertEquals(0L, figures(second.status()).get("scored"), "the simulator's scored probe is not Binance's");
        assertEquals(1L, figures(second.status("simulator")).get("scored"), "read back on its own market");
        assertTrue(second.probeDue(Market.bullish("BTC", "97215"), "ai", Direction.LONG, live.plusSeconds(60)).isEmpty(),
                "Binance's pace survives the restart");
        feed.set("replay#0c7a11e5");
        assertTrue(second.probeDue(Market.bullish("BTC", "63300"), "ai", Direction.LONG,
                Instant.parse("2024-10-07T09:30:00Z")).isPresent(), "a replay's October is its own market's time");
    }

    private static Map<String, Object> figures(Map<String, Object> status) {
        Map<?, ?> probes = (Map<?, ?>) status.get("probes");
        return Map.of("asked", probes.get("asked"), "scored", probes.get("scored"));
    }

    private static void aSetupProbedBeforeARestartWaitsItsIntervalAfterIt(RestartLedger ledger) {
        CoinSnapshot btc = Market.bullish("BTC", "60000");
        EdgeService first = edge(ledger);
        assertTrue(first.probeDue(btc, "ai", Direction.LONG, T0).isPresent(), "never probed: due");
        assertTrue(first.probeDue(btc, "ai", Direction.LONG, T0.plusSeconds(60)).isEmpty(), "the first service's own pace");
        // the first service is dropped here: no stop, nothing flushed (a kill -9)

        EdgeService second = edge(ledger);
        assertTrue(second.probeDue(btc, "ai", Direction.LONG, T0.plusSeconds(120)).isEmpty(),
                "2 min after its probe, BTC LONG ai waits out its 5 min after the restart");
        assertTrue(second.probeDue(btc, "ai", Direction.SHORT, T0.plusSeconds(120)).isPresent(),
                "a setup never probed is probed at once");
        assertTrue(second.probeDue(btc, "rules+ai", Direction.LONG, T0.plusSeconds(120)).isPresent(),
                "so is the same coin and direction from another source");
        assertEquals(2L, ((Map<?, ?>) second.status().get("probes")).get("asked"), "the second service asked two probes");

        EdgeService third = edge(ledger);
        assertTrue(third.probeDue(btc, "ai", Direction.LONG, T0.plusSeconds(300)).isPresent(), "5 min after: due again");
        assertTrue(third.probeDue(btc, "ai", Direction.SHORT, T0.plusSeconds(300)).isEmpty(),
                "the probe the second service sent holds too");

        third.clear();
        assertTrue(edge(ledger).probeDue(btc, "ai", Direction.SHORT, T0.plusSeconds(301)).isPresent(),
                "clearing the track record forgets the probes' pace with it");
    }

    /** The edge service of a service started on {@code ledger} (migrated first): the gate on, probes every 5 min. */
    private static EdgeService edge(RestartLedger ledger) {
        return edge(ledger, new java.util.concurrent.atomic.AtomicReference<>("simulator"));
    }

    /** The same, its coins priced on the market {@code feed} names. */
    private static EdgeService edge(RestartLedger ledger, java.util.concurrent.atomic.AtomicReference<String> feed) {
        StrategySettings.Edge defaults = StrategySettings.DEFAULTS.edge();
        StrategySettings strategy = StrategySettings.DEFAULTS.withEdge(new StrategySettings.Edge(EdgeGate.GATE,
                defaults.judge(), defaults.horizon(), defaults.regimeWindow(), Duration.ofMinutes(5)));
        return new EdgeService(new EdgeRepository(new Db(ledger.started())), strategy, MODEL_RECORD, coin -> feed.get(),
                feed::get);
    }
}
