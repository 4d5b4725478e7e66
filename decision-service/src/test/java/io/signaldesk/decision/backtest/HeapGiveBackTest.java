package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.List;

import org.junit.jupiter.api.Test;

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
}
