package io.signaldesk.analyzer.service;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.signaldesk.analyzer.ai.AnswerGuardrail;
import io.signaldesk.analyzer.ai.AnswerReader;
import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.ChatRequests;
import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaPs;
import io.signaldesk.analyzer.client.OllamaTags;
import io.signaldesk.analyzer.client.OllamaUnavailableException;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.config.ShadowConfig;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.ShadowAnswer;
import io.signaldesk.analyzer.domain.ShadowReport;

/**
 * A second model answering the desk's entry and exit questions on Ollama's idle time ({@code analyzer.shadow.model}),
 * so that the decision service can score it beside the model in use. Its calls go through the one queue at the lowest
 * priority ({@link ModelQueue#shadow}), started only in an idle window that fits their load and prompt read: they never
 * delay other work and are skipped, counted, when no such window comes within {@code max-wait}. Refused, with the
 * reason, when the two models do not fit in the memory Ollama may give models here ({@code /api/ps} and
 * {@code /api/tags} sizes): loading the shadow would evict the model in use, and the next question would pay a reload. The shadow is asked once, without the reprompt (an invalid answer is counted as such).
 */
@ApplicationScoped
public class ShadowService {

    public static final String ON = "ON";
    public static final String OFF = "OFF";
    public static final String REFUSED = "REFUSED";
    public static final String UNCHECKED = "UNCHECKED";
    private static final String CUT_REASON = "(reason cut: the model was needed for the desk)";

    /** Whether the shadow fits beside {@code primary}, as read at {@code atNanos}. */
    private record Fit(String state, String reason, String primary, long atNanos, Long memory) {
    }

    private final ShadowConfig config;
    private final AnalyzerConfig.Ollama ollamaConfig;
    private final ModelQueue queue;
    private final OllamaClient ollama;
    private final ActiveModel active;
    private final AnswerReader reader;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final ModelTally primary = new ModelTally();
    private final ModelTally shadow = new ModelTally();
    private final ModelTally probes = new ModelTally();
    private volatile Fit fit;

    public ShadowService(ShadowConfig config, AnalyzerConfig analyzer, ModelQueue queue, OllamaClient ollama,
            ActiveModel active, AnswerReader reader, ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.ollamaConfig = analyzer.ollama();
        this.queue = queue;
        this.ollama = ollama;
        this.active = active;
        this.reader = reader;
        this.mapper = mapper;
        this.registry = registry;
        for (String outcome : List.of("answered", "invalid", "skipped", "not-asked")) {
            registry.counter("analyzer.shadow.questions", "outcome", outcome);
        }
        for (String outcome : List.of("answered", "invalid", "skipped")) {
            registry.counter("analyzer.probe.questions", "outcome", outcome);
        }
    }

    /** The shadow model's name, if one is set. */
    public Optional<String> model() {
        return config.model().map(String::strip).filter(name -> !name.isEmpty());
    }

    /** The model in use answered one of the desk's entry or exit questions (its figures, beside the shadow's). */
    void primaryAnswered(AnalysisType type, ModelAnswer<?> answer) {
        if (compared(type)) {
            primary.asked();
            if (answer.reprompted()) {
                primary.invalid(answer.promptTokens(), answer.completionTokens());
            } else {
                primary.answered(answer.reply().signalMs(), answer.promptTokens(), answer.completionTokens());
            }
        }
    }

    /** The model in use answered one of the desk's entry or exit questions unusably, twice. */
    void primaryInvalid(AnalysisType type, InvalidModelOutputException invalid) {
        if (compared(type)) {
            primary.asked();
            primary.invalid(invalid.promptTokens(), invalid.completionTokens());
        }
    }

    /** The model in use gave no answer to one of the desk's entry or exit questions (late, down, dropped). */
    void primarySkipped(AnalysisType type, String why) {
        if (compared(type)) {
            primary.asked();
            primary.skipped(why);
        }
    }

    private static boolean compared(AnalysisType type) {
        return type == AnalysisType.ENTRY || type == AnalysisType.EXIT;
    }

    /** Asks the shadow the question {@code task} (as the model in use was asked it); completes when it answered or was skipped. */
    public <R> CompletionStage<ShadowAnswer> ask(AnalysisTask<R> task) {
        Fit now = fit();
        String name = model().orElse(null);
        if (!ON.equals(now.state())) {
            registry.counter("analyzer.shadow.questions", "outcome", "not-asked").increment();
            return CompletableFuture.completedFuture(ShadowAnswer.not(now.state(), name, now.reason()));
        }
        return onIdleTime(task, name, shadow, "analyzer.shadow.questions");
    }

    /**
     * A probe: the model in use asked {@code task} on idle time, as the shadow is (the same lane, wait and backlog),
     * for a setup the desk's edge gate stopped asking about; its answer is scored there like a live one, never acted on.
     */
    public <R> CompletionStage<ShadowAnswer> probe(AnalysisTask<R> task) {
        return onIdleTime(task, active.name(), probes, "analyzer.probe.questions");
    }

    /** {@code name} asked {@code task} in the queue's lowest lane; counted in {@code tally} and {@code metric}. */
    private <R> CompletionStage<ShadowAnswer> onIdleTime(AnalysisTask<R> task, String name, ModelTally tally, String metric) {
        tally.asked();
        var body = ChatRequests.analysis(ollamaConfig, name, task.type(), task.coinNames(), task.question());
        Optional<ModelCall> queued = queue.shadow(task.type(), body, AnswerSchema.decisionFields(task.type()),
                System.nanoTime() + config.maxWait().toNanos(), config.backlog());
        if (queued.isEmpty()) {
            return CompletableFuture.completedFuture(skipped(name, tally, metric, "backlog",
                    config.backlog() + " idle-time questions wait already"));
        }
        ModelCall call = queued.get();
        return call.reply().handle((reply, failure) -> {
            tally.preempted(call.preemptions);
            if (reply == null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                return cause instanceof CallDroppedException
                        ? skipped(name, tally, metric, "no-idle-time",
                                "no idle window long enough for its load and prompt read within " + config.maxWait().toSeconds() + " s")
                        : skipped(name, tally, metric, "failed", String.valueOf(cause.getMessage()));
            }
            return checked(task, name, reply, tally, metric);
        });
    }

    private <R> ShadowAnswer checked(AnalysisTask<R> task, String name, ModelReply reply, ModelTally tally, String metric) {
        int in = reply.stats() == null ? 0 : reply.stats().promptEvalCount();
        int out = reply.stats() == null ? 0 : reply.stats().evalCount();
        String text = reply.text() == null ? "" : reply.text();
        if (reply.reasonCut() && reply.decision() != null) {
            text = reply.decision().deepCopy().put(AnswerSchema.REASON,
                    reply.reason().isBlank() ? CUT_REASON : reply.reason().strip() + "…").toString();
        }
        AnswerGuardrail<R> guardrail = new AnswerGuardrail<>(reader, task.resultType(), task.answerDefaults(),
                task::problemWith);
        OutputGuardrailResult validated = guardrail.validate(AiMessage.from(text));
        if (!validated.isSuccess()) {
            tally.invalid(in, out);
            registry.counter(metric, "outcome", "invalid").increment();
            return new ShadowAnswer("INVALID", name, null, AnswerGuardrail.problem(validated), reply.signalMs(), in, out);
        }
        tally.answered(reply.signalMs(), in, out);
        registry.counter(metric, "outcome", "answered").increment();
        ObjectNode result = mapper.valueToTree(guardrail.result(validated));
        return new ShadowAnswer("ANSWERED", name, result, null, reply.signalMs(), in, out);
    }

    private ShadowAnswer skipped(String name, ModelTally tally, String metric, String why, String reason) {
        tally.skipped(why);
        registry.counter(metric, "outcome", "skipped").increment();
        return ShadowAnswer.not("SKIPPED", name, reason);
    }

    /** Both models' figures, the shadow's state and the memory each holds now (Ollama's /api/ps). */
    public ShadowReport report() {
        Fit now = fit();
        List<OllamaPs.Loaded> loaded;
        try {
            loaded = ollama.loaded();
        } catch (OllamaUnavailableException e) {
            loaded = List.of();
        }
        String inUse = active.name();
        String name = model().orElse(null);
        return new ShadowReport(now.state(), now.reason(), now.memory(), primary.figures(inUse, size(loaded, inUse)),
                name == null ? null : shadow.figures(name, size(loaded, name)), probes.figures(inUse, null));
    }

    /** Whether the shadow fits, read again every check-every or when the model in use changed. */
    private Fit fit() {
        Optional<String> name = model();
        if (name.isEmpty()) {
            return new Fit(OFF, "analyzer.shadow.model (ANALYZER_SHADOW_MODEL) is not set", null, 0, null);
        }
        Fit last = fit;
        String inUse = active.name();
        if (last != null && inUse.equals(last.primary())
                && System.nanoTime() - last.atNanos() < config.checkEvery().toNanos()) {
            return last;
        }
        Fit checked = check(name.get(), inUse);
        fit = checked;
        return checked;
    }

    private Fit check(String name, String inUse) {
        long at = System.nanoTime();
        long memory = config.modelMemory().map(MemorySize::asLongValue).orElseGet(ShadowService::threeQuartersOfRam);
        if (name.equals(inUse)) {
            return new Fit(REFUSED, name + " is the model in use: a shadow must be another model", inUse, at, memory);
        }
        List<OllamaPs.Loaded> loaded;
        List<OllamaTags.Model> pulled;
        try {
            loaded = ollama.loaded();
            pulled = ollama.models();
        } catch (OllamaUnavailableException e) {
            return new Fit(UNCHECKED, "Ollama's loaded models could not be read: " + e.getMessage(), inUse, at, memory);
        }
        Long shadowBytes = Optional.ofNullable(size(loaded, name)).orElseGet(() -> pulledSize(pulled, name));
        if (shadowBytes == null) {
            return new Fit(REFUSED, name + " is not pulled in this Ollama (ollama pull " + name + ")", inUse, at, memory);
        }
        Long primaryBytes = Optional.ofNullable(size(loaded, inUse)).orElseGet(() -> pulledSize(pulled, inUse));
        long both = shadowBytes + (primaryBytes == null ? 0 : primaryBytes);
        if (both > memory) {
            return new Fit(REFUSED, String.format(Locale.ROOT,
                    "%s (%s) + %s (%s) = %s, more than the %s Ollama may give models here: loading the shadow would "
                            + "evict %s and its next question would pay a reload",
                    inUse, gb(primaryBytes), name, gb(shadowBytes), gb(both), gb(memory), inUse), inUse, at, memory);
        }
        return new Fit(ON, String.format(Locale.ROOT, "%s (%s) + %s (%s) fit in %s", inUse, gb(primaryBytes), name,
                gb(shadowBytes), gb(memory)), inUse, at, memory);
    }

    /** The memory Ollama says {@code model} holds now, or null when it is not loaded. */
    private static Long size(List<OllamaPs.Loaded> loaded, String model) {
        return loaded.stream().filter(m -> model.equals(m.name()) || model.equals(m.model())).map(OllamaPs.Loaded::size)
                .filter(s -> s != null).findFirst().orElse(null);
    }

    private static Long pulledSize(List<OllamaTags.Model> pulled, String model) {
        return pulled.stream().filter(m -> model.equals(m.name()) || model.equals(m.model())).map(OllamaTags.Model::size)
                .filter(s -> s != null).findFirst().orElse(null);
    }

    private static String gb(Long bytes) {
        return bytes == null ? "size unknown" : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** On Apple silicon Ollama may give models about 3/4 of the unified memory (Metal's recommended working set). */
    private static long threeQuartersOfRam() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getTotalMemorySize() / 4 * 3;
    }
}
