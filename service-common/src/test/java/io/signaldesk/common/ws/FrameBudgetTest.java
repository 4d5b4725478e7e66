package io.signaldesk.common.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrameBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesTheNextFrameIsWarnedOnceThenDroppedAndAFloodIsClosed() {
        long now = System.nanoTime();
        FrameBudget.Bucket bucket = new FrameBudget.Bucket(now);
        List<FrameBudget.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < FrameBudget.BURST + FrameBudget.CLOSE_AFTER; i++) {
            verdicts.add(bucket.take(now));
        }
        assertEquals(FrameBudget.BURST, verdicts.stream().filter(v -> v == FrameBudget.Verdict.PASS).count());
        assertEquals(FrameBudget.Verdict.WARN, verdicts.get(FrameBudget.BURST));
        assertEquals(FrameBudget.Verdict.DROP, verdicts.get(FrameBudget.BURST + 1));
        assertEquals(FrameBudget.Verdict.CLOSE, verdicts.get(verdicts.size() - 1));
    }

    @Test
    void refillsAtFiveFramesASecondAndWarnsAnewAfterACalmSpell() {
        long now = System.nanoTime();
        FrameBudget.Bucket bucket = new FrameBudget.Bucket(now);
        for (int i = 0; i <= FrameBudget.BURST; i++) {
            bucket.take(now);
        }
        assertEquals(FrameBudget.Verdict.PASS, bucket.take(now + SECOND / FrameBudget.PER_SECOND));
        long calm = now + 10 * SECOND;
        for (int i = 0; i < FrameBudget.BURST; i++) {
            assertEquals(FrameBudget.Verdict.PASS, bucket.take(calm));
        }
        assertEquals(FrameBudget.Verdict.WARN, bucket.take(calm));
    }
}
