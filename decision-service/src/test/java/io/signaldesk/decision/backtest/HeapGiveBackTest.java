package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/** The collections after a backtest: as many as shrink the committed heap, and never more than the bound. */
class HeapGiveBackTest {

    /** The serial collector's damped shrinking seen after a Q4 candle backtest: 48.5 (twice), 47.5, 41.8, 29.4 MB, then steady. */
    @Test
    void collectsPastAFirstCollectionThatGivesNothingAndStopsWhenTheHeapHasFallenAndStopsFalling() {
        ArrayDeque<Long> committed = new ArrayDeque<>(List.of(48_564L, 48_564L, 47_480L, 41_820L, 29_444L, 29_444L, 29_444L));
        long[] now = {committed.poll()};

        int rounds = HeapGiveBack.run(() -> now[0] = committed.poll(), () -> now[0]);

        assertEquals(5, rounds);
        assertEquals(1, committed.size(), "no collection after the one that gave nothing back");
    }

    @Test
    void aHeapThatKeepsShrinkingIsCollectedAtMostTheBound() {
        long[] now = {1_000_000L};

        int rounds = HeapGiveBack.run(() -> now[0] -= 1_000, () -> now[0]);

        assertEquals(HeapGiveBack.MAX_ROUNDS, rounds);
        assertEquals(1_000_000L - 1_000L * HeapGiveBack.MAX_ROUNDS, now[0]);
    }

    /** A heap at its floor (or a collector that does not shrink): the serial collector's first gives 0 %, its second 10 %. */
    @Test
    void aHeapThatGivesNothingBackInTwoCollectionsIsNotCollectedAgain() {
        int[] collections = {0};

        assertEquals(2, HeapGiveBack.run(() -> collections[0]++, () -> 64_000L));
        assertEquals(2, collections[0]);
    }

    /** The service's trigger: where a run frees its slot, after a run that ended or stopped; never after a refusal. */
    @Test
    void theHeapIsGivenBackAfterEveryRunThatRanAndNeverAfterARequestRefusedBeforeIt(@TempDir Path data) throws Exception {
        Path resources = Path.of(getClass().getResource("/backtest/path-TST.csv").toURI()).getParent();
        Files.createDirectories(data.resolve("backtest"));
        for (String name : List.of("path-TST.csv", "gap-BTC.csv")) {
            Files.copy(resources.resolve(name), data.resolve("backtest").resolve(name));
        }
        BacktestConfig live = new BacktestConfig(Map.of(), new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
        AtomicInteger givenBack = new AtomicInteger();
        BacktestService service = new BacktestService(() -> live, DataDirectory.confined(data, "the test"), null,
                givenBack::incrementAndGet);
        BacktestRequest good = BacktestRequest.ofFiles(Map.of("TST", "backtest/path-TST.csv"));

        service.run(good);
        assertEquals(1, givenBack.get(), "after a run");

        assertThrows(BacktestRunner.Cancelled.class, () -> service.run(service.check(good), (frames, at) -> false));
        assertEquals(2, givenBack.get(), "after a run stopped halfway");

        assertThrows(BadInputException.class, () -> service.run(BacktestRequest.ofFiles(Map.of("TST", "backtest/gap-BTC.csv"))));
        assertThrows(BadInputException.class, () -> service.run(BacktestRequest.ofFiles(Map.of("TST", "no/such.csv"))));
        assertEquals(2, givenBack.get(), "refused before it ran: nothing to give back");
    }
}
