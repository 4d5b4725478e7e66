package io.signaldesk.decision.service;

import io.signaldesk.decision.client.AiAnswer;
import io.signaldesk.decision.client.AnalyzerDtos.EntryRequest;
import io.signaldesk.decision.client.AnalyzerDtos.EntryResult;
import io.signaldesk.decision.client.AnalyzerDtos.ExitRequest;
import io.signaldesk.decision.client.AnalyzerDtos.ExitResult;

/**
 * The one door the engine asks the analyzer through, whatever carries the question (the analyzer's REST API today,
 * {@code client/AnalyzerClient}; a backtest's own analyzer; Kafka next). An answer that did not come is an
 * {@link AiAnswer#unavailable} saying why, never an exception: the engine then decides on its rules, labelled.
 */
public interface AnalyzerPort {

    /** Whether to enter, acted on at the analyzer's decision; the reason may follow ({@link AiAnswer#reasonLater()}). */
    AiAnswer<EntryResult> entry(EntryRequest request);

    /** Hold or close an open position. */
    AiAnswer<ExitResult> exit(ExitRequest request);
}
