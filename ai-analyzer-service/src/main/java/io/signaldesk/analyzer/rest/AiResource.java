package io.signaldesk.analyzer.rest;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.analyzer.client.OllamaTags;
import io.signaldesk.analyzer.client.OllamaUnavailableException;
import io.signaldesk.analyzer.domain.AiMetrics;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.MachineReport;
import io.signaldesk.analyzer.service.AiMetricsService;
import io.signaldesk.analyzer.service.AiModeService;
import io.signaldesk.analyzer.service.AiModeService.ModeState;
import io.signaldesk.analyzer.service.MachineRates;
import io.signaldesk.analyzer.service.ModelService;

/** Token accounting, status line, AI/RULES mode and the model in use. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Model and mode", description = "Token accounting, the status line, AI/RULES mode and the Ollama model in use")
@Path("/api/ai")
public class AiResource {

    private final AiMetricsService metrics;
    private final AiModeService mode;
    private final ModelService models;
    private final MachineRates rates;

    private final io.signaldesk.analyzer.ai.SystemPrompt system;

    public AiResource(AiMetricsService metrics, AiModeService mode, ModelService models, MachineRates rates,
            io.signaldesk.analyzer.ai.SystemPrompt system) {
        this.system = system;
        this.metrics = metrics;
        this.mode = mode;
        this.models = models;
        this.rates = rates;
    }

    @GET
    @Path("/status")
    @Operation(summary = "The product's status line with tokens, calls and average response time")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "status", value = Examples.STATUS)))
    public StatusResponse status() {
        AiMetrics snapshot = metrics.snapshot();
        boolean reachable;
        try {
            models.models();
            reachable = true;
        } catch (OllamaUnavailableException e) {
            reachable = false;
        }
        MachineReport machine = rates.report(models.current());
        // cache hits are earlier model answers: not a sign of fallback, but never counted as model calls either
        boolean answering = mode.mode() == AiMode.AI && reachable
                && (machine.rulesShareLast15m() == null || machine.rulesShareLast15m() < 0.5);
        ModeState current = mode.state();
        return new StatusResponse(StatusLine.of(snapshot, current.mode(), answering), current.mode(), models.current(),
                reachable, snapshot.totalTokens(), snapshot.totalCalls(), snapshot.avgResponseTimeMs(), answering, machine,
                current.since(), current.setBy(), new StatusResponse.LessonsInPrompt(system.lessons().version(),
                        system.lessons().lines().size()));
    }

    @GET
    @Path("/metrics")
    @Operation(summary = "AIMetrics: tokens (prompt and completion apart), calls, latency, fallbacks, cache")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "metrics", value = Examples.METRICS)))
    public AiMetrics metrics() {
        return metrics.snapshot();
    }

    @POST
    @Path("/metrics/session/reset")
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Starts a new session: session tokens and calls back to zero, totals kept")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "metrics", value = Examples.METRICS)))
    public AiMetrics resetSession() {
        metrics.resetSession();
        return metrics.snapshot();
    }

    @GET
    @Path("/mode")
    @Operation(summary = "The analyzer's operator setting: AI (model first, the default) or RULES (rules only), since when, set by whom",
            description = "Not the trader's mode: that is the decision service's PUT /api/decision/mode (RULES, AI, HYBRID). "
                    + "RULES here makes every answer the analyzer's rules (MODE_RULES): the desk's AI and HYBRID then trade on "
                    + "the rules, labelled RULES_FALLBACK, and its dashboard shows the switch with an Undo button.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "mode", value = Examples.MODE)))
    public ModeState getMode() {
        return mode.state();
    }

    @PUT
    @Path("/mode")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Operator switch: AI (the default) or RULES for every answer of this analyzer",
            description = "Not the trader's mode (the decision service's PUT /api/decision/mode). RULES answers every "
                    + "question from the rules until set back to AI; the desk's dashboard shows it (\"analyzer forced to "
                    + "rules by an operator since ...\") with an Undo button, and its AI and HYBRID decisions say why.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "AI (the default: the model answers)", value = "{\"mode\":\"AI\"}"),
            @ExampleObject(name = "RULES (operator switch: every answer from the rules until set back)", value = "{\"mode\":\"RULES\"}") }))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "mode", value = Examples.MODE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "bad",
            value = "{\"error\":\"mode must be one of [AI, RULES]\",\"field\":\"mode\"}")))
    public ModeState setMode(@Valid @NotNull ModeRequest request) {
        return mode.set(request.mode());
    }

    @GET
    @Path("/models")
    @Operation(summary = "Models pulled in Ollama (/api/tags) with size and quantisation")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "models", value = Examples.MODELS)))
    @APIResponse(responseCode = "503", description = "Ollama unreachable", content = @Content(schema = @Schema(implementation = ApiError.class),
            examples = @ExampleObject(name = "ollama down", value = "{\"error\":\"Ollama unreachable at http://localhost:11434\"}")))
    public ModelsResponse models() {
        String active = models.current();
        List<OllamaTags.Model> pulled = models.models();
        double activeParams = pulled.stream().filter(m -> m.name().equals(active)).findFirst()
                .map(AiResource::billions).orElse(0.0);
        MachineReport machine = rates.report(active);
        MachineReport.Prediction measured = machine.predictions().get(AnalysisType.ENTRY);
        return new ModelsResponse(active, pulled.stream()
                .map(m -> {
                    Long predicted = MachineRates.scaled(measured, activeParams, billions(m));
                    String warning = predicted == null || predicted <= machine.deadlineMs() ? null
                            : String.format(Locale.US, "about %.1f s to a decision on this machine: past the %.1f s "
                                    + "deadline, most answers would come from the rules", predicted / 1000.0,
                                    machine.deadlineMs() / 1000.0);
                    return new ModelsResponse.ModelInfo(m.name(), m.size(),
                            m.details() == null ? null : m.details().parameterSize(),
                            m.details() == null ? null : m.details().quantizationLevel(),
                            m.details() == null ? null : m.details().family(), m.name().equals(active), predicted, warning);
                })
                .toList());
    }

    /** "3.2B" -> 3.2, "770M" -> 0.77; 0 when Ollama does not say. */
    static double billions(OllamaTags.Model model) {
        String size = model.details() == null || model.details().parameterSize() == null ? ""
                : model.details().parameterSize().strip().toUpperCase(Locale.ROOT);
        try {
            if (size.endsWith("B")) {
                return Double.parseDouble(size.substring(0, size.length() - 1));
            }
            if (size.endsWith("M")) {
                return Double.parseDouble(size.substring(0, size.length() - 1)) / 1000;
            }
        } catch (NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @PUT
    @Path("/model")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Switches the model at run time (and preloads it)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "mistral", value = Examples.MODEL)))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "switched", value = Examples.MODEL)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "blank",
            value = "{\"error\":\"model must not be blank\",\"field\":\"model\"}")))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "not pulled",
            value = "{\"error\":\"Ollama has no model phi3:mini; pull it first (ollama pull phi3:mini)\",\"field\":\"model\"}")))
    @APIResponse(responseCode = "503", description = "Ollama unreachable", content = @Content(schema = @Schema(implementation = ApiError.class),
            examples = @ExampleObject(name = "ollama down", value = "{\"error\":\"Ollama unreachable at http://localhost:11434\"}")))
    public Response setModel(@Valid @NotNull ModelRequest request) {
        String wanted = request.model().strip();
        return models.switchTo(wanted)
                .map(model -> Response.ok(new ModelRequest(model)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).entity(new ApiError(
                        "Ollama has no model " + wanted + "; pull it first (ollama pull " + wanted + ")", "model")).build());
    }
}
