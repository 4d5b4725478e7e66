package io.signaldesk.analyzer.rest;

import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.SystemPrompt;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.service.ActiveModel;

/**
 * An Ollama Modelfile for a LoRA adapter trained on the decision service's GET /api/ai/dataset: the base model, the
 * adapter, the system prompt the examples were asked with, and the options every question is sent with.
 */
@Path("/api/ai/modelfile")
@Tag(name = "Model and mode")
public class ModelfileResource {

    static final String PATH = "[A-Za-z0-9._/-]{1,200}";
    static final String MODEL = "[A-Za-z0-9._:/-]{1,200}";

    private final ActiveModel model;
    private final AnalyzerConfig.Ollama ollama;

    private final SystemPrompt system;

    public ModelfileResource(ActiveModel model, AnalyzerConfig config, SystemPrompt system) {
        this.system = system;
        this.model = model;
        this.ollama = config.ollama();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "A Modelfile (FROM, ADAPTER, SYSTEM, PARAMETER) for a LoRA adapter trained on the dataset: "
            + "`ollama create signal-desk-tuned -f Modelfile`")
    public String modelfile(@QueryParam("adapter") String adapter, @QueryParam("base") String base) {
        // checked here, not by a constraint: a query parameter's violation would be named by the method, not the field
        if (adapter != null && !adapter.matches(PATH)) {
            throw new BadInputException("adapter", "adapter must be a path of 1-200 letters, digits, '.', '_', '/' or '-'");
        }
        if (base != null && !base.matches(MODEL)) {
            throw new BadInputException("base", "base must be an Ollama model name of 1-200 letters, digits, '.', '_', ':', '/' or '-'");
        }
        return "# Signal Desk: " + (base == null ? model.name() : base) + " with a LoRA adapter trained on GET /api/ai/dataset\n"
                + "FROM " + (base == null ? model.name() : base) + "\n"
                + "ADAPTER " + (adapter == null ? "./signal-desk-lora" : adapter) + "\n"
                + "SYSTEM \"\"\"" + system.text() + "\"\"\"\n"
                + "PARAMETER temperature " + String.format(Locale.ROOT, "%s", ollama.temperature()) + "\n"
                + "PARAMETER seed " + ollama.seed() + "\n"
                + "PARAMETER num_ctx " + ollama.numCtx() + "\n"
                + "PARAMETER num_predict " + AnswerSchema.NUM_PREDICT + "\n";
    }
}
