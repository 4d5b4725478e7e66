package io.signaldesk.analyzer.rest;

import java.time.Instant;

import io.signaldesk.analyzer.domain.MachineReport;
import io.signaldesk.analyzer.domain.AiMode;

/**
 * GET /api/ai/status: the product's UI line and its figures, whether AI answers are actually arriving, and
 * what this machine does with the model (measured rates, predictions, warnings). {@code modeSince} and {@code modeSetBy}
 * say since when the mode holds and who set it ({@code configuration} at start, or {@code operator}); {@code lessons}
 * which version of the trader's lessons the system message carries.
 */
public record StatusResponse(String line, AiMode mode, String model, boolean ollamaReachable, long totalTokens,
        long totalCalls, double avgResponseTimeMs, boolean aiAnswering, MachineReport machine, Instant modeSince,
        String modeSetBy, LessonsInPrompt lessons) {

    /** The version of the trader's accepted lessons in the system message (0: none) and how many there are. */
    public record LessonsInPrompt(int version, int count) {
    }
}
