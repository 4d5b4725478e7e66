package io.signaldesk.analyzer.service;

import static io.signaldesk.analyzer.service.SimulatedDesk.M1_8GB;
import static io.signaldesk.analyzer.service.SimulatedDesk.M1_8GB_SLOW;
import static io.signaldesk.analyzer.service.SimulatedDesk.MS;
import static io.signaldesk.analyzer.service.SimulatedDesk.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * The model queue with its idle window on, driven as the desk drives it: the real {@link ModelQueue} and
 * {@link MachineRates} in front of an Ollama that takes the emulator's time ({@link SimulatedOllama}) on a clock the
 * test moves ({@link SimulatedDesk}). Each figure is that clock's, so the order of events is the same on any machine.
 */
class ModelQueueIdleWindowTest {

    @Test
    void asksADeskQuestionAtOnceWhenItArrivesWhileABackgroundCallReadsItsPrompt() {
        SimulatedDesk desk = new SimulatedDesk(M1_8GB).primed();
        long quiet = desk.clock.nanoTime() + 10 * S; // no question since the start: the window is open
        desk.at(quiet, desk::sentiment).at(quiet + 200 * MS, desk::entry).runUntil(quiet + 30 * S);

        SimulatedDesk.Asked sentiment = desk.sentiments.get(0);
        SimulatedDesk.Asked entry = desk.entries.get(0);
        List<SimulatedOllama.Request> sentimentCalls = desk.requests(sentiment);
        SimulatedOllama.Request entryCall = desk.requests(entry).get(0);
        assertEquals(quiet, sentimentCalls.get(0).sentAt, "an open window: started at once" + desk.timeline());
        assertEquals(entry.at, entryCall.sentAt, "the entry went to the model the moment it came" + desk.timeline());
        assertTrue(sentimentCalls.get(0).stopped && sentimentCalls.get(0).written == 0,
                "the sentiment was put back before it wrote a token" + desk.timeline());
        assertEquals(sentimentCalls.get(0).endedAt, entryCall.readFrom,
                "Ollama still held the entry until the read it had begun ended: why background work waits for a window");
        assertTrue(entry.decidedInTime(), desk.timeline());
        assertEquals(2, sentimentCalls.size(), "asked again after the entry" + desk.timeline());
        assertTrue(sentimentCalls.get(1).sentAt >= entryCall.endedAt && sentiment.decidedInTime(), desk.timeline());
    }

    @Test
    void startsBackgroundWorkOnlyInAWindowItFitsBeforeTheNextQuestion() {
        // the emulated M1 8 GB, an entry every 3 s: an entry keeps the model 1.29 s; a sentiment, 0.40 s read + 0.77 s
        // to its decision, fits the 1.71 s after it once measured (its first cost is estimated from its length)
        SimulatedDesk desk = new SimulatedDesk(M1_8GB).primed();
        long t0 = desk.clock.nanoTime();
        desk.asking(t0, t0 + 90 * S, 3 * S, t0 + 10 * S, t0 + 40 * S, t0 + 70 * S).runUntil(t0 + 95 * S);

        assertEquals(List.of(), desk.heldBehindABackgroundRead(), desk.timeline());
        for (SimulatedDesk.Asked sentiment : desk.sentiments) {
            assertTrue(sentiment.decidedInTime(), sentiment.user + desk.timeline());
            List<SimulatedOllama.Request> calls = desk.requests(sentiment);
            assertEquals(1, calls.size(), "never put back" + desk.timeline());
            SimulatedOllama.Request call = calls.get(0);
            assertTrue(desk.entries.stream().noneMatch(entry -> entry.at >= call.readFrom && entry.at < call.endedAt),
                    "read and written whole between two entries" + desk.timeline());
            assertTrue(desk.ollama.requests().stream().anyMatch(other -> other.endedAt == call.sentAt),
                    "started the moment the model freed" + desk.timeline());
        }
        assertTrue(desk.entries.stream().allMatch(SimulatedDesk.Asked::decidedInTime), desk.timeline());
        assertEquals(0, desk.reasonsCut(), "the trader keeps every reason" + desk.timeline());
    }

    @Test
    void cutsOneEntrysReasonPerSentimentWhereOnlyThatLetsTheOverdueSentimentDecideBeforeTheNextEntry() {
        // the slow M1, an entry every 3 s: 1.45 s after each entry, where no sentiment fits whole (0.81 s read, 0.85 s
        // to its decision); once it waited max-delay (4 s), the entry that decides then gives up its reason, so the
        // sentiment has its decision before the next entry comes (else it would run after the reason and hold it);
        // not on the first sentiment, whose cost is a guess until it ran (cut after its decision, it is measured)
        SimulatedDesk desk = new SimulatedDesk(M1_8GB_SLOW).primed();
        long t0 = desk.clock.nanoTime();
        desk.asking(t0, t0 + 95 * S, 3 * S, t0 + 10 * S, t0 + 40 * S, t0 + 70 * S).runUntil(t0 + 100 * S);

        assertEquals(List.of(), desk.heldBehindABackgroundRead(), desk.timeline());
        for (SimulatedDesk.Asked sentiment : desk.sentiments) {
            SimulatedOllama.Request call = desk.requests(sentiment).get(0);
            assertTrue(call.sentAt >= sentiment.at + 4 * S, "not before it is overdue" + desk.timeline());
            assertTrue(sentiment.decidedInTime(), desk.timeline());
            long waited = desk.entries.stream().filter(entry -> entry.at > call.sentAt && entry.at < sentiment.decidedAt)
                    .count();
            assertEquals(sentiment == desk.sentiments.get(0) ? 1 : 0, waited,
                    "entries that waited for its decision" + desk.timeline());
        }
        assertEquals(desk.sentiments.size() - 1, desk.reasonsCut(), "one entry's reason per measured sentiment"
                + desk.timeline());
    }

    @Test
    void learnsTheSentimentsCostFromACallCutAfterItsDecision() {
        // the slow M1 asked every 2 s: the sentiment runs to its decision while the next entry waits, then is cut
        SimulatedDesk desk = new SimulatedDesk(M1_8GB_SLOW).primed();
        long t0 = desk.clock.nanoTime();
        desk.asking(t0, t0 + 30 * S, 2 * S, t0 + 10 * S);
        SimulatedDesk.Asked sentiment = desk.runUntil(t0 + 10 * S).sentiments.get(0);
        IdleWindow.Cost guessed = desk.sentimentCost();
        desk.runUntil(t0 + 30 * S);

        SimulatedOllama.Request call = desk.requests(sentiment).get(0);
        assertTrue(call.stopped && call.written < call.tokens.size() && sentiment.decidedInTime(),
                "cut after its decision for the next entry" + desk.timeline());
        IdleWindow.Cost measured = desk.sentimentCost();
        // the emulator's slow M1: 93 tokens at 115/s (its read began one token late: the entry cut for it wrote one
        // more, as Ollama stops at the next token), 17 tokens to the decision at 20/s
        assertEquals(Math.round(93 / 115.0 * 1e9), measured.prefillNanos(), 50 * MS + MS, "guessed " + guessed);
        assertEquals(Math.round(17 / 20.0 * 1e9), measured.toDecisionNanos(), MS, "guessed " + guessed);
        assertTrue(guessed.prefillNanos() < 600 * MS && guessed.toDecisionNanos() > 1_100 * MS,
                "the guess from its length was off both ways: " + guessed);
    }

    @Test
    void runsAnOverdueSentimentToItsDecisionBeforeItsDeadlineWhenNoWindowFitsEvenItsPromptRead() {
        // the slow M1 asked every 2 s: 0.45 s free after each entry, less than the sentiment's read; at the last moment
        // its 10 s deadline allows, the entry being written gives up its reason and the sentiment runs
        SimulatedDesk desk = new SimulatedDesk(M1_8GB_SLOW).primed();
        long t0 = desk.clock.nanoTime();
        desk.asking(t0, t0 + 65 * S, 2 * S, t0 + 10 * S, t0 + 40 * S).runUntil(t0 + 70 * S);

        for (SimulatedDesk.Asked sentiment : desk.sentiments) {
            assertTrue(sentiment.decidedInTime(), sentiment.user + " from the model before its deadline" + desk.timeline());
        }
        assertEquals(desk.sentiments.size(), desk.reasonsCut(), "one entry's reason cut per sentiment" + desk.timeline());
        assertTrue(desk.entries.stream().allMatch(SimulatedDesk.Asked::decidedInTime),
                "no entry past its deadline behind it" + desk.timeline());
    }

    @Test
    void startsWaitingBackgroundWorkWhenTheDeskGoesQuiet() {
        SimulatedDesk desk = new SimulatedDesk(M1_8GB_SLOW).primed();
        long t0 = desk.clock.nanoTime();
        desk.asking(t0, t0 + 24 * S, 3 * S).at(t0 + 22 * S, desk::sentiment).runUntil(t0 + 40 * S);

        SimulatedDesk.Asked lastEntry = desk.entries.get(desk.entries.size() - 1);
        SimulatedOllama.Request sentiment = desk.requests(desk.sentiments.get(0)).get(0);
        long lastEntryEnd = desk.requests(lastEntry).get(0).endedAt;
        // nothing but the queue's timer can start it: no question comes and no call ends after the last entry
        assertTrue(sentiment.sentAt > lastEntryEnd, "started later, by the timer" + desk.timeline());
        assertTrue(desk.sentiments.get(0).decidedInTime() && sentiment.written == sentiment.tokens.size(), desk.timeline());
    }

    @Test
    void startsTheDesksQuestionAtOnceWhenItJoinsBackgroundWorkWaitingForAWindow() {
        SimulatedDesk desk = new SimulatedDesk(M1_8GB_SLOW).primed();
        long t0 = desk.clock.nanoTime();
        desk.asking(t0, t0 + 30 * S, 3 * S).runUntil(t0 + 13_600 * MS); // the entry of 12 s answered at 13.55 s
        SimulatedDesk.Asked waiting = desk.sentiment();
        desk.runUntil(t0 + 14 * S);
        assertEquals(List.of(), desk.requests(waiting), "does not fit before the entry of 15 s: waits" + desk.timeline());

        long joinedAt = desk.clock.nanoTime();
        ModelCall joined = desk.queue.submit("sentiment|" + waiting.user, AnalysisType.SENTIMENT, true,
                SimulatedDesk.question(waiting.user), AnswerSchema.decisionFields(AnalysisType.SENTIMENT),
                joinedAt + 10 * S);
        desk.runUntil(t0 + 20 * S);

        assertSame(waiting.call, joined, "one call for both");
        assertEquals(joinedAt, desk.requests(waiting).get(0).sentAt, "someone waits on it now: asked at once");
        assertTrue(waiting.decidedInTime(), desk.timeline());
    }

    @Test
    void skipsAShadowQuestionWhoseLoadAndPromptReadFitNoWindowAndAsksOneOnceTheDeskIsQuiet() {
        // a shadow model never asked here: a load (1.5 s assumed, never timed) and the whole system prompt first
        SimulatedDesk desk = new SimulatedDesk(M1_8GB).primed();
        long t0 = desk.clock.nanoTime();
        desk.asking(t0, t0 + 45 * S, 3 * S).runUntil(t0 + 5 * S);
        ModelCall busy = desk.shadow(t0 + 35 * S);
        desk.runUntil(t0 + 46 * S);
        ModelCall quiet = desk.shadow(t0 + 90 * S);
        desk.runUntil(t0 + 90 * S);

        CompletionException skipped = assertThrows(CompletionException.class, () -> busy.reply().join());
        assertTrue(skipped.getCause() instanceof CallDroppedException, skipped.toString());
        List<SimulatedOllama.Request> shadowCalls = desk.ollama.requests().stream()
                .filter(request -> request.question.model().equals(SimulatedDesk.SHADOW_MODEL)).toList();
        assertEquals(1, shadowCalls.size(), "the busy desk's shadow question never reached the model" + desk.timeline());
        long lastEntry = desk.entries.get(desk.entries.size() - 1).at;
        assertTrue(shadowCalls.get(0).sentAt >= lastEntry + 6 * S, "sent once the desk was quiet" + desk.timeline());
        assertFalse(quiet.reply().join().text().isEmpty());
        assertEquals(List.of(), desk.heldBehindABackgroundRead(), desk.timeline());
    }
}
