package io.signaldesk.analyzer.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaTags;
import io.signaldesk.analyzer.rest.InvalidRequestException;

/** The model comparison: the four analyses on snapshots of a replay, per model, scored. */
@jakarta.ws.rs.Path("/api/ai/evaluate")
public class EvaluationResource {

    static final String REQUEST_EXAMPLE = """
            {"models":["llama3.2:3b","mistral:7b"],"replayFile":"bench/replay/simulator-sample.jsonl.gz","samples":10,"everySeconds":60}""";
    static final String REPORT_EXAMPLE = """
            {"generatedAt":"2026-11-25T12:00:00Z","ollamaUrl":"http://localhost:11434","replayFile":"bench/replay/simulator-sample.jsonl.gz",\
            "samples":10,"models":[{"model":"llama3.2:3b","analyses":40,"p50Ms":850,"p95Ms":1400,"tokensPerSecond":38.5,\
            "validOutputRate":0.95,"repromptRate":0.05,"fallbackRate":0.0,"hitRate1m":0.6,"scored1m":10,"hitRate5m":0.5,\
            "scored5m":6,"qualityScore":71,"ramBytes":2800000000}],"markdown":"| Model | Response Time | Quality Score | RAM Used |..."}""";

    private final ModelEvaluator evaluator;
    private final OllamaClient ollama;

    public EvaluationResource(ModelEvaluator evaluator, OllamaClient ollama) {
        this.evaluator = evaluator;
        this.ollama = ollama;
    }

    @POST
    @Operation(summary = "Compares models on a replay: response time, valid output, reprompts, fallbacks, hit rate, RAM",
            description = "Blocks for the whole run (4 analyses per sample per model) and switches the model in use while it runs.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two models", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", content = @Content(examples = @ExampleObject(name = "no file",
            value = "{\"error\":\"replayFile missing.jsonl is not a readable file\",\"field\":\"replayFile\"}")))
    @APIResponse(responseCode = "503", description = "Ollama unreachable")
    public EvaluationReport evaluate(@Valid @NotNull EvaluationRequest request) {
        Path file = Path.of(request.replayFile());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidRequestException("replayFile", "replayFile " + request.replayFile() + " is not a readable file");
        }
        List<String> pulled = ollama.models().stream().map(OllamaTags.Model::name).toList();
        List<String> models = request.models() == null || request.models().isEmpty() ? pulled
                : request.models().stream().map(String::strip).toList();
        models.stream().filter(m -> !pulled.contains(m)).findFirst().ifPresent(missing -> {
            throw new InvalidRequestException("models", "Ollama has no model " + missing + " (pulled: " + pulled + ")");
        });
        if (models.isEmpty()) {
            throw new InvalidRequestException("models", "Ollama has no model pulled");
        }
        List<ReplaySample> samples;
        try {
            samples = ReplayMarket.samples(file, Duration.ofSeconds(request.everySecondsOrDefault()),
                    request.samplesOrDefault());
        } catch (IOException e) {
            throw new InvalidRequestException("replayFile", "replayFile could not be read: " + e.getMessage());
        }
        if (samples.isEmpty()) {
            throw new InvalidRequestException("replayFile",
                    "replayFile holds no trade after its first minute of events (need more than 60 s of recording)");
        }
        return evaluator.evaluate(models, request.replayFile(), samples);
    }
}
