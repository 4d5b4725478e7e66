package io.signaldesk.analyzer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.client.OllamaStats;
import io.signaldesk.analyzer.domain.AnalysisSource;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.MachineReport;
import io.signaldesk.core.decision.FallbackReason;

class MachineRatesTest {

    private static MachineRates rates() {
        return new MachineRates(Duration.ofSeconds(2));
    }

    /** An M1 with llama3.2:3b: 230 prompt tokens/s, 22 output tokens/s. */
    private static OllamaStats m1(int evaluated, int output) {
        return new OllamaStats("llama3.2:3b", "stop", evaluated, Math.round(evaluated / 230.0 * 1e9), output,
                Math.round(output / 22.0 * 1e9), 0, 0);
    }

    @Test
    void predictsTimeToSignalAndFullAnswerFromTheMeasuredRates() {
        MachineRates rates = rates();
        rates.observe("llama3.2:3b", AnalysisType.ENTRY, m1(46, 30), 12);

        MachineReport report = rates.report("llama3.2:3b");

        assertEquals(230.0, report.prefillTokensPerSecond());
        assertEquals(22.0, report.decodeTokensPerSecond());
        MachineReport.Prediction entry = report.predictions().get(AnalysisType.ENTRY);
        // 46 / 230 s = 200 ms prefill; + 12 / 22 s = 545 ms to the decision; + 30 / 22 s = 1,364 ms to the end
        assertEquals(745, entry.timeToSignalMs());
        assertEquals(1564, entry.fullAnswerMs());
        assertTrue(report.warnings().isEmpty(), report.warnings().toString());
    }

    @Test
    void predictsHowLongAnAnswerGoesOnWritingFromItsTypesMeanOutput() {
        MachineRates rates = rates();
        assertEquals(0, rates.outputLeftNanos("llama3.2:3b", AnalysisType.ENTRY, 12), "not measured yet");
        rates.observe("llama3.2:3b", AnalysisType.ENTRY, m1(46, 30), 12);
        // 30 tokens on average, 12 written: 18 more at 22/s
        assertEquals(Math.round(18 / 22.0 * 1e9), rates.outputLeftNanos("llama3.2:3b", AnalysisType.ENTRY, 12));
        assertEquals(0, rates.outputLeftNanos("llama3.2:3b", AnalysisType.ENTRY, 31), "past the mean: nothing predicted");
    }

    @Test
    void aCallCutAfterItsDecisionStillMeasuresItsPromptReadAndItsTokensToTheDecision() {
        MachineRates rates = rates();
        rates.observe("llama3.2:3b", AnalysisType.ENTRY, m1(35, 25), 9); // the desk's entries: 230 and 22 tokens/s
        IdleWindow.Cost guessed = rates.cost("llama3.2:3b", AnalysisType.SENTIMENT, 220, 5_000, true);
        assertEquals(Math.round(220 / 3.5 / 230 * 1e9), guessed.prefillNanos(), "never measured: its length at 3.5 a token");
        assertEquals(Math.round(24 / 22.0 * 1e9), guessed.toDecisionNanos());
        assertFalse(guessed.measured());

        // a 3-coin sentiment cut after its decision: 93 tokens read in 0.40 s, 17 pieces to the decision, 18 written
        rates.observeStopped("llama3.2:3b", AnalysisType.SENTIMENT, Math.round(93 / 230.0 * 1e9), 18,
                Math.round(17 / 22.0 * 1e9), 17, true);

        IdleWindow.Cost measured = rates.cost("llama3.2:3b", AnalysisType.SENTIMENT, 220, 5_000, true);
        assertEquals(Math.round(93 / 230.0 * 1e9), measured.prefillNanos(), 1_000.0);
        assertEquals(Math.round(17 / 22.0 * 1e9), measured.toDecisionNanos(), 1_000.0);
        assertTrue(measured.measured());
        assertEquals(null, rates.report("llama3.2:3b").predictions().get(AnalysisType.SENTIMENT),
                "no whole answer yet: the report predicts no full answer from it");
    }

    @Test
    void aStoppedCallsReadIsNotTakenForItsPromptWhenItsModelWasNotResidentButItsDecodeCounts() {
        MachineRates rates = rates();
        rates.observe("llama3.2:3b", AnalysisType.ENTRY, m1(35, 25), 9);
        rates.observeStopped("llama3.2:3b", AnalysisType.SENTIMENT, 2_400_000_000L, 18, Math.round(17 / 17.0 * 1e9), 17,
                false); // a load counted in the read; written at 17 tokens/s

        IdleWindow.Cost cost = rates.cost("llama3.2:3b", AnalysisType.SENTIMENT, 220, 5_000, true);
        assertEquals(22 + 0.2 * (17 - 22), rates.report("llama3.2:3b").decodeTokensPerSecond(), 0.05);
        assertEquals(Math.round(220 / 3.5 / 230 * 1e9), cost.prefillNanos(), "still its length at 3.5 a token");
        assertEquals(Math.round(17 / 21.0 * 1e9), cost.toDecisionNanos(), 1_000.0);
    }

    @Test
    void warnsWithASmallerModelWhenTheMeasuredRatesPredictAMissedDeadline() {
        MachineRates rates = rates();
        // 300 uncached prompt tokens and 60 tokens before the decision: 1.3 s + 2.7 s
        rates.observe("llama3.2:3b", AnalysisType.ENTRY, m1(300, 80), 60);

        MachineReport report = rates.report("llama3.2:3b");

        assertEquals(1, report.warnings().size(), report.warnings().toString());
        String warning = report.warnings().get(0);
        assertTrue(warning.contains("llama3.2:3b needs about 4.0 s to a decision"), warning);
        assertTrue(warning.contains("llama3.2:1b"), "suggests a smaller model: " + warning);
    }

    @Test
    void countsTheShareOfAnswersFromTheModelButNotAChosenRulesMode() {
        MachineRates rates = rates();
        for (int i = 0; i < 8; i++) {
            rates.answered(AnalysisSource.AI, null);
        }
        rates.answered(AnalysisSource.CACHE, null);
        for (int i = 0; i < 3; i++) {
            rates.answered(AnalysisSource.RULES, FallbackReason.TIMEOUT);
        }
        rates.answered(AnalysisSource.RULES, FallbackReason.MODE_RULES);

        MachineReport report = rates.report("llama3.2:3b");

        assertEquals(12, report.answersLast15m());
        assertEquals(8, report.modelAnswersLast15m());
        assertEquals(1, report.cacheAnswersLast15m(), "a cache hit is not a model answer");
        assertEquals(3, report.rulesAnswersLast15m());
        assertEquals(0.67, report.modelShareLast15m(), "8 of 12 from a model call");
        assertEquals(0.25, report.rulesShareLast15m());
    }
}
