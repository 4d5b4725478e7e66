package io.signaldesk.decision.engine.port;

import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.EntryRequest;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.EntryResult;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.ExitRequest;
import io.signaldesk.decision.adapter.analyzer.AnalyzerDtos.ExitResult;

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
