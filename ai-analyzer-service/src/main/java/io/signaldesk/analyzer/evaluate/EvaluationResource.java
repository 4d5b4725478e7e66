package io.signaldesk.analyzer.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaTags;
import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;

/** The model comparison: the four analyses on snapshots of a replay, per model, scored. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Model evaluation", description = "Compares pulled models on a recorded market replay")
@jakarta.ws.rs.Path("/api/ai/evaluate")
public class EvaluationResource {

    static final String REQUEST_EXAMPLE = """
            {"models":["llama3.2:3b","mistral:7b"],"replayFile":"replay/simulator-sample.jsonl.gz","samples":10,"everySeconds":60}""";
    /** The first example Swagger UI sends: short, and no other model loaded in the desk's memory. */
    static final String QUICK_EXAMPLE = """
            {"models":["llama3.2:3b"],"replayFile":"replay/simulator-sample.jsonl.gz","samples":3,"everySeconds":60}""";
    static final String REPORT_EXAMPLE = """
            {"generatedAt":"2026-11-25T12:00:00Z","ollamaUrl":"http://localhost:11434","replayFile":"replay/simulator-sample.jsonl.gz",\
            "samples":10,"models":[{"model":"llama3.2:3b","analyses":40,"p50Ms":850,"p95Ms":1400,"tokensPerSecond":38.5,\
            "validOutputRate":0.95,"repromptRate":0.05,"fallbackRate":0.0,"hitRate1m":0.6,"scored1m":10,"hitRate5m":0.5,\
            "scored5m":6,"qualityScore":71,"ramBytes":2800000000}],"markdown":"| Model | Response Time | Quality Score | RAM Used |..."}""";

    private final ModelEvaluator evaluator;
    private final OllamaClient ollama;
    private final DataDirectory dataDir;

    public EvaluationResource(ModelEvaluator evaluator, OllamaClient ollama, SignalConfig config) {
        this.evaluator = evaluator;
        this.ollama = ollama;
        this.dataDir = DataDirectory.confined(Path.of(config.dataDir()), "GET /api/ai/evaluate/files");
    }

    @GET
    @jakarta.ws.rs.Path("/files")
    @Operation(summary = "The recordings of the data directory (SIGNAL_DATA_DIR) an evaluation may name")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "files", value = """
            [{"name":"replay/simulator-sample.jsonl.gz","size":544132,"modified":"2026-11-25T12:00:00Z"}]""")))
    public List<DataDirectory.FileInfo> files() {
        return dataDir.list(ReplaySamples.EXTENSIONS);
    }

    @POST
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Compares models on a replay: response time, valid output, reprompts, fallbacks, hit rate, RAM",
            description = "Reads replayFile from the data directory (SIGNAL_DATA_DIR) by relative name, or takes the "
                    + "recording inline in replay (up to 1 MiB). Blocks for the whole run (4 analyses per sample per "
                    + "model) and switches the model in use while it runs.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "the model in use, 3 samples (12 analyses: 35 s on the emulated 8 GB M1)", value = QUICK_EXAMPLE),
            @ExampleObject(name = "two models, 10 samples (80 analyses: minutes, and the second model loaded meanwhile)",
                    value = REQUEST_EXAMPLE) }))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "no file",
            value = "{\"error\":\"replayFile missing.jsonl is not a file of the data directory (GET /api/ai/evaluate/files lists them)\",\"field\":\"replayFile\"}")))
    @APIResponse(responseCode = "503", description = "Ollama unreachable", content = @Content(schema = @Schema(implementation = ApiError.class),
            examples = @ExampleObject(name = "ollama down", value = "{\"error\":\"Ollama unreachable at http://localhost:11434\"}")))
    public EvaluationReport evaluate(@Valid @NotNull EvaluationRequest request) {
        if ((request.replayFile() == null) == (request.replay() == null)) {
            throw new BadInputException("replayFile", "give replayFile (a name in the data directory) or replay "
                    + "(the recording's JSON Lines), not both");
        }
        Path file = request.replayFile() == null ? null : dataDir.file("replayFile", request.replayFile(), ReplaySamples.EXTENSIONS);
        List<String> pulled = ollama.models().stream().map(OllamaTags.Model::name).toList();
        List<String> models = request.models() == null || request.models().isEmpty() ? pulled
                : request.models().stream().map(String::strip).toList();
        models.stream().filter(m -> !pulled.contains(m)).findFirst().ifPresent(missing -> {
            throw new BadInputException("models", "Ollama has no model " + missing + " (pulled: " + pulled + ")");
        });
        if (models.isEmpty()) {
            throw new BadInputException("models", "Ollama has no model pulled");
        }
        String field = file == null ? "replay" : "replayFile";
        List<ReplaySample> samples;
        try {
            Duration every = Duration.ofSeconds(request.everySecondsOrDefault());
            samples = file != null ? ReplaySamples.samples(file, every, request.samplesOrDefault())
                    : ReplaySamples.samples(new BufferedReader(new StringReader(request.replay())), every,
                            request.samplesOrDefault());
        } catch (IOException e) {
            throw new BadInputException(field, field + " could not be read"
                    + (e.getMessage() != null && e.getMessage().startsWith("larger than") ? ": " + e.getMessage() : ""));
        }
        if (samples.isEmpty()) {
            throw new BadInputException(field,
                    field + " holds no trade after its first minute of events (need more than 60 s of recording)");
        }
        return evaluator.evaluate(models, file == null ? "replay" : request.replayFile(), samples);
    }
}
