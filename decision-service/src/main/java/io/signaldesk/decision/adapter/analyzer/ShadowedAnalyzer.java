package io.signaldesk.decision.adapter.analyzer;

import java.util.concurrent.CompletionStage;

import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.engine.port.AnalyzerPort;

/**
 * The engine's analyzer: the model in use through the chosen transport ({@code model}: {@link AnalyzerClient} or
 * {@link KafkaAnalysisClient}), the shadow model and the probes of gated setups over HTTP in either ({@link ShadowQuestions}). A shadow question waits
 * up to the analyzer's {@code analyzer.shadow.max-wait} (30 s) for idle time: on Kafka it would hold one of the
 * analyzer's two in-flight request slots that long, ahead of the desk's next questions with their 3 s deadline.
 */
public record ShadowedAnalyzer(AnalyzerPort model, ShadowQuestions shadow) implements AnalyzerPort {

    @Override
    public AiAnswer<EntryResult> entry(EntryRequest request) {
        return model.entry(request);
    }

    @Override
    public AiAnswer<ExitResult> exit(ExitRequest request) {
        return model.exit(request);
    }

    @Override
    public CompletionStage<ShadowAnswer> shadowEntry(EntryRequest request) {
        return shadow.entry(request);
    }

    @Override
    public CompletionStage<ShadowAnswer> probeEntry(EntryRequest request) {
        return shadow.probe(request);
    }

    @Override
    public CompletionStage<ShadowAnswer> shadowExit(ExitRequest request) {
        return shadow.exit(request);
    }
}
