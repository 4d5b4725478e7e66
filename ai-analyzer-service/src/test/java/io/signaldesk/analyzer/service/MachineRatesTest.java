package io.signaldesk.analyzer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
