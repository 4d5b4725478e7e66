package io.signaldesk.analyzer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The idle-window admission of background work, as a pure function of a fake clock: the figures are the emulated
 * slow M1's (an entry every 3 s that keeps the model 1.7 s; the 3-coin sentiment reads 93 tokens at 115/s, 0.81 s,
 * and writes its decision in 0.9 s).
 */
class IdleWindowTest {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;
    static final IdleWindow.Cost SENTIMENT = new IdleWindow.Cost(0, 810 * MS, 900 * MS);
    static final long MAX_DELAY = 4 * S;
    static final long QUIET = 10 * S;

    /** Entries at 0, 3, 6, ... 21 s, the last at 21 s. */
    static IdleWindow everyThreeSeconds() {
        IdleWindow window = new IdleWindow(0, QUIET);
        for (int i = 0; i <= 7; i++) {
            window.arrived(i * 3 * S);
        }
        return window;
    }

    @Test
    void expectsTheNextQuestionTheMedianRecentGapAfterTheLast() {
        IdleWindow window = new IdleWindow(0, QUIET);
        window.arrived(1_200 * MS); // the first question late (a cold start)
        window.arrived(3 * S);
        window.arrived(6 * S);
        window.arrived(9 * S);
        assertEquals(1_300 * MS, window.window(10_700 * MS), "1.8 s among 3 s gaps: the next at 12 s, not 10.8 s");
        assertEquals(0, window.window(12_500 * MS), "due: no window");
        assertEquals(IdleWindow.OPEN, window.window(15 * S), "twice the longest gap without a question: quiet");
    }

    @Test
    void countsQuestionsOfOneBurstAsOneArrival() {
        IdleWindow window = new IdleWindow(0, QUIET);
        window.arrived(0);
        window.arrived(5 * MS); // the engine asks about two coins at once
        window.arrived(3 * S);
        window.arrived(3 * S + 20 * MS);
        assertEquals(2 * S, window.window(4 * S), "the gap is 3 s, not 5 ms");
    }

    @Test
    void opensOnlyAfterAQuietTimeWhileNoRhythmIsMeasured() {
        IdleWindow window = new IdleWindow(0, QUIET);
        assertEquals(0, window.window(S), "just started: the desk's first question may come any moment");
        assertEquals(IdleWindow.OPEN, window.window(QUIET), "nobody asked since the start");
        window.arrived(11 * S);
        assertEquals(0, window.window(12 * S), "one question is no rhythm yet: another may come any moment");
        assertEquals(IdleWindow.OPEN, window.window(11 * S + QUIET));
    }

    @Test
    void startsTheSentimentWhenItFitsWholeBeforeTheNextEntry() {
        IdleWindow window = everyThreeSeconds();
        long now = 21 * S + 200 * MS; // the last entry done early: 2.8 s to the next
        var admission = IdleWindow.admit(now, window.window(now), SENTIMENT, now, now + 10 * S, MAX_DELAY, false,
                window.quietAt());
        assertTrue(admission.start());
        assertFalse(admission.toDecision(), "put back if an entry comes early");
    }

    @Test
    void holdsTheSentimentWhileOnlyItsPromptReadFitsUntilItWaitedMaxDelay() {
        IdleWindow window = everyThreeSeconds();
        long asked = 19 * S;
        long now = 22_700 * MS; // the entry of 21 s done: 1.3 s to the next, 0.81 s + margin fits, 1.71 s does not
        var early = IdleWindow.admit(now, window.window(now), SENTIMENT, asked, asked + 10 * S, MAX_DELAY, false,
                window.quietAt());
        assertFalse(early.start(), "waited 3.7 s: not overdue");
        assertEquals(asked + 10 * S - IdleWindow.withMargin(SENTIMENT.toDecision()), early.retryAt(),
                "asked again when the model frees, else at the last moment its deadline allows");

        long askedEarlier = 18_500 * MS; // the same moment for a sentiment that has waited 4.2 s
        var overdue = IdleWindow.admit(now, window.window(now), SENTIMENT, askedEarlier, askedEarlier + 10 * S, MAX_DELAY,
                false, window.quietAt());
        assertTrue(overdue.start());
        assertTrue(overdue.toDecision(), "then it runs to its decision");
    }

    @Test
    void neverStartsAPromptReadThatWouldRunIntoTheNextEntryBeforeTheLastMoment() {
        IdleWindow window = everyThreeSeconds();
        long asked = 16 * S;
        long now = 23_500 * MS; // overdue, but 0.5 s to the next entry: the read would hold it
        var held = IdleWindow.admit(now, window.window(now), SENTIMENT, asked, asked + 10 * S, MAX_DELAY, false,
                window.quietAt());
        assertFalse(held.start());
        long lastMoment = asked + 10 * S - IdleWindow.withMargin(SENTIMENT.toDecision());
        assertEquals(lastMoment, held.retryAt());
        var forced = IdleWindow.admit(lastMoment, window.window(lastMoment), SENTIMENT, asked, asked + 10 * S, MAX_DELAY,
                false, window.quietAt());
        assertTrue(forced.start() && forced.toDecision(), "at the last moment its deadline allows it runs anyway");
    }

    @Test
    void cutsTheReasonOfTheLastAnswerDecidedBeforeTheSentimentsLastMomentWhenNoWindowFitsItsRead() {
        IdleWindow window = new IdleWindow(0, QUIET);
        for (int i = 0; i <= 5; i++) {
            window.arrived(i * 2 * S); // an entry every 2 s: 0.45 s free after each, less than the read's 1.07 s
        }
        long asked = 5 * S;
        long deadline = asked + 10 * S; // last moment 12.85 s
        long reasonLeft = 800 * MS;
        long toDecision = 750 * MS;
        long decided = 10_750 * MS; // the entry of 10 s: the entry of 12 s decides at 12.75 s, a chance still
        assertFalse(IdleWindow.lastChance(decided, window.window(decided), SENTIMENT, asked, deadline, MAX_DELAY,
                window.quietAt(), reasonLeft, toDecision));
        window.arrived(12 * S);
        long last = 12_750 * MS; // the next decision, 14.75 s, is past the last moment
        assertTrue(IdleWindow.lastChance(last, window.window(last), SENTIMENT, asked, deadline, MAX_DELAY,
                window.quietAt(), reasonLeft, toDecision));
    }

    @Test
    void keepsTheReasonWhenTheSentimentStartsOnceItIsWritten() {
        IdleWindow window = everyThreeSeconds();
        long asked = 16_500 * MS; // overdue at 20.5 s, last moment 24.35 s, after the next entry's decision
        long decided = 21_750 * MS; // the entry of 21 s: its reason ends at 22.55 s, 1.45 s before the next entry
        assertTrue(decided + 2_250 * MS + 750 * MS >= IdleWindow.lastMoment(SENTIMENT, asked + 10 * S));
        assertFalse(IdleWindow.lastChance(decided, window.window(decided), SENTIMENT, asked, asked + 10 * S, MAX_DELAY,
                window.quietAt(), 800 * MS, 750 * MS), "its read fits once the reason is written: it starts then");
        long quiet = window.quietAt();
        assertFalse(IdleWindow.lastChance(quiet, window.window(quiet), SENTIMENT, asked, quiet + 5 * S, MAX_DELAY,
                window.quietAt(), 800 * MS, 750 * MS), "nobody expected: the model frees after the reason");
    }

    @Test
    void cutsAnEntrysReasonForTheOverdueSentimentWhenOnlyTheCutMakesItFit() {
        IdleWindow window = everyThreeSeconds();
        long asked = 17_500 * MS; // waited 4.5 s
        long now = 22 * S; // the entry of 21 s has written its decision: 2 s to the next, its reason 0.65 s more
        long reasonLeft = 650 * MS;
        assertTrue(IdleWindow.cutReasonFor(now, window.window(now), SENTIMENT, asked, MAX_DELAY, reasonLeft),
                "1.71 s fits 2 s now; after the reason 1.35 s is left, and the sentiment would hold the next entry");
        assertFalse(IdleWindow.cutReasonFor(now, window.window(now), SENTIMENT, 19 * S, MAX_DELAY, reasonLeft),
                "waited 3 s: not overdue, the reason stays");
        long late = 22_500 * MS; // mid-reason: 1.5 s to the next entry, not enough even with the cut
        assertFalse(IdleWindow.cutReasonFor(late, window.window(late), SENTIMENT, asked, MAX_DELAY, 150 * MS));
        var guessed = new IdleWindow.Cost(0, 810 * MS, 900 * MS, false);
        assertFalse(IdleWindow.cutReasonFor(now, window.window(now), guessed, asked, MAX_DELAY, reasonLeft),
                "never on a guess: the sentiment's first cost, from its length");
    }

    @Test
    void keepsTheReasonWhenTheSentimentFitsAfterItOrNobodyIsExpected() {
        IdleWindow sixSeconds = new IdleWindow(0, QUIET);
        for (int i = 0; i <= 7; i++) {
            sixSeconds.arrived(i * 6 * S);
        }
        long now = 43 * S; // 5 s to the next entry: the sentiment fits after the reason
        assertFalse(IdleWindow.cutReasonFor(now, sixSeconds.window(now), SENTIMENT, 30 * S, MAX_DELAY, 650 * MS));
        IdleWindow window3 = everyThreeSeconds();
        var faster = new IdleWindow.Cost(0, 420 * MS, 820 * MS); // the emulated M1 8 GB: 1.24 s to the decision
        long decided = 21_700 * MS; // its entry decided: 2.3 s to the next, 1.6 s once its reason of 0.7 s is written
        assertFalse(IdleWindow.cutReasonFor(decided, window3.window(decided), faster, 17 * S, MAX_DELAY, 700 * MS),
                "the sentiment fits after the reason: the trader keeps it");
        IdleWindow window = everyThreeSeconds();
        long quiet = window.quietAt();
        assertFalse(IdleWindow.cutReasonFor(quiet, window.window(quiet), SENTIMENT, 17 * S, MAX_DELAY, 650 * MS),
                "the desk went quiet: the window is open");
    }

    @Test
    void runsBackgroundWorkAnywayWhenNobodyAsks() {
        IdleWindow window = everyThreeSeconds();
        long now = 21 * S + 2 * 3 * S; // two gaps' worth of silence after the last entry
        var admission = IdleWindow.admit(now, window.window(now), SENTIMENT, now, now + 10 * S, MAX_DELAY, false,
                window.quietAt());
        assertTrue(admission.start());
    }

    @Test
    void startsTheShadowOnlyWhenItsLoadAndPromptReadFitAndNeverForcesIt() {
        IdleWindow window = everyThreeSeconds();
        var firstCall = new IdleWindow.Cost(1_500 * MS, 1_880 * MS, 500 * MS); // not resident, whole system prompt
        var warm = new IdleWindow.Cost(0, 210 * MS, 500 * MS);
        long now = 22_600 * MS; // 1.4 s to the next entry
        long deadline = now + 100 * MS;
        assertFalse(IdleWindow.admit(now, window.window(now), firstCall, now - 60 * S, deadline, MAX_DELAY, true,
                window.quietAt()).start(), "a load and a 358-token read do not fit in 1.4 s, however long it waited");
        assertTrue(IdleWindow.admit(now, window.window(now), warm, now, deadline, MAX_DELAY, true, window.quietAt()).start());
        long quiet = window.quietAt();
        assertTrue(IdleWindow.admit(quiet, window.window(quiet), firstCall, now, quiet + S, MAX_DELAY, true,
                window.quietAt()).start(), "the desk went quiet: room for its load");
    }

    @Test
    void holdsBackgroundWorkWhileAQuestionWaits() {
        long now = 30 * S;
        var admission = IdleWindow.admit(now, 0, SENTIMENT, now - 5 * S, now + 5 * S, MAX_DELAY, false, Long.MAX_VALUE);
        assertFalse(admission.start(), "window 0: a question waits");
    }
}
