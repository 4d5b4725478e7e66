package io.signaldesk.decision.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The digest a lesson draft is asked from, and the evidence a lesson gets, on the fixture's 120 scored entries. The
 * expected figures were computed apart from this code (Python over the same CSV: mean, sample standard deviation,
 * mean ± 1.96 sd/√n).
 */
class LessonDigestTest {

    private final List<io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer> history =
            ScoredHistory.read(Duration.ofMinutes(15));

    @Test
    void sumsUpTheBusiestSetupsFirstEachWithAnIdTheModelCites() {
        LessonDigest digest = LessonDigest.of(history, 8, 3);
        assertEquals(List.of("ENTRY SOL LONG", "ENTRY BTC LONG", "ENTRY ETH LONG", "ENTRY BTC SHORT", "ENTRY ETH SHORT",
                "ENTRY SOL SHORT"), digest.setups().stream().map(LessonDigest.Setup::label).toList());
        LessonDigest.Setup sol = digest.setups().get(0);
        assertEquals("S1", sol.id());
        assertEquals(24, sol.calls());
        assertEquals(14, sol.right());
        assertEquals(14, sol.acted());
        assertEquals(new BigDecimal("-0.2348"), sol.netPct());
        assertEquals(List.of("S1", "S2", "S3"), LessonDigest.of(history, 3, 3).setups().stream().map(LessonDigest.Setup::id).toList(),
                "at most the setups asked for");
    }

    @Test
    void aLessonsEvidenceIsItsSetupsAnswersPooledWithAStudentTInterval() {
        LessonDigest digest = LessonDigest.of(history, 8, 3);
        Lesson.Evidence one = digest.evidence(List.of("S4"));
        assertEquals(List.of("ENTRY BTC SHORT"), one.setups());
        assertEquals(18, one.decisions());
        assertEquals(11, one.right());
        assertEquals(new BigDecimal("-0.3638"), one.netPct());
        // t(17) 2.109816 standard errors (a normal interval, 1.96, said -0.4655 to -0.2622)
        assertEquals(-0.4732, one.netLowPct().doubleValue(), 0.00011);
        assertEquals(-0.2544, one.netHighPct().doubleValue(), 0.00011);

        Lesson.Evidence sol = digest.evidence(List.of("S1", "S6", "S1"));
        assertEquals(List.of("ENTRY SOL LONG", "ENTRY SOL SHORT"), sol.setups());
        assertEquals(40, sol.decisions());
        assertEquals(21, sol.right());
        assertEquals(new BigDecimal("-0.2643"), sol.netPct());
        // t(39) 2.022691 standard errors (normal: -0.3717 to -0.1570)
        assertEquals(-0.3751, sol.netLowPct().doubleValue(), 0.00011);
        assertEquals(-0.1535, sol.netHighPct().doubleValue(), 0.00011);
    }

    @Test
    void knowsOnlyItsOwnSetupIds() {
        LessonDigest digest = LessonDigest.of(history, 8, 3);
        assertTrue(digest.knows(List.of("S1", "S6")));
        assertFalse(digest.knows(List.of("S7")));
        assertFalse(digest.knows(List.of()));
    }

    @Test
    void oneAnswerHasNoInterval() {
        LessonDigest digest = LessonDigest.of(history.subList(0, 1), 8, 1);
        Lesson.Evidence e = digest.evidence(List.of("S1"));
        assertEquals(1, e.decisions());
        assertNull(e.netLowPct());
        assertTrue(LessonDigest.of(history.subList(0, 2), 8, 3).isEmpty(), "no setup with three answers: nothing to draft from");
    }
}
