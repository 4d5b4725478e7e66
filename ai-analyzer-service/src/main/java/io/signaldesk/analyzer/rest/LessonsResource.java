package io.signaldesk.analyzer.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.analyzer.ai.SystemPrompt;
import io.signaldesk.analyzer.domain.AcceptedLessons;
import io.signaldesk.common.error.ApiError;

/**
 * The lessons the trader accepted (issue 20), in the system message: the decision service sets them on every change
 * of the set (the desk's only); anyone may read which version the system message carries.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lessons", description = "One-line lessons drafted from the model's scored record; the accepted ones in its system message")
@Path("/api/ai/lessons")
public class LessonsResource {

    static final String LESSONS = """
            {"version":2,"lessons":["Skip SOL shorts in a calm market: the last 14 lost after costs."],"systemChars":1203}""";

    /** The lessons in the system message now: their version, the lines, and the system message's length. */
    @RegisterForReflection
    public record InPrompt(int version, List<String> lessons, int systemChars) {
    }

    private final SystemPrompt prompt;
    private final Callers callers;

    public LessonsResource(SystemPrompt prompt, Callers callers) {
        this.prompt = prompt;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "The lessons in the system message now and their version (0: none accepted)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "two", value = LESSONS)))
    public InPrompt get() {
        SystemPrompt.Lessons now = prompt.lessons();
        return new InPrompt(now.version(), now.lines(), prompt.text().length());
    }

    @PUT
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "none (version 0)", value = "{\"version\":0,\"lessons\":[]}"),
            @ExampleObject(name = "one", value = "{\"version\":2,\"lessons\":[\"Skip SOL shorts in a calm market: the last 14 lost after costs.\"]}") }))
    @Operation(summary = "Set the lessons the trader accepted (the decision service does, on every change); the system "
            + "message changes only when the lessons do; the desk's only")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "two", value = LESSONS)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response put(@Valid @NotNull AcceptedLessons lessons, @Context HttpHeaders headers) {
        if (!callers.isDesk(headers.getHeaderString(Callers.ENGINE_HEADER))) {
            return forbidden();
        }
        prompt.set(new SystemPrompt.Lessons(lessons.version(), lessons.lessons()));
        return Response.ok(get()).build();
    }

    /** The 403 of every lessons endpoint (accepted and drafted): the desk's key is missing or wrong. */
    static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN)
                .entity(new ApiError("lessons are the desk's: send its key in " + Callers.ENGINE_HEADER, Callers.ENGINE_HEADER))
                .build();
    }
}
