package io.signaldesk.decision.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.ledger.LessonRepository;
import io.signaldesk.decision.lessons.LessonDrafter;
import io.signaldesk.decision.lessons.LessonService;
import io.signaldesk.decision.lessons.LessonService.Change;

/**
 * Lessons the model drafts from its scored answers and the trader approves: the proposals, the accepted set in the
 * model's system message (with its version, the history of versions and what the analyzer has now), and the accept,
 * reject and remove actions.
 */
@Path("/api/lessons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lessons")
public class LessonResource {

    static final String STATE = """
            {"version":2,"inPrompt":2,"limits":{"maxAccepted":5,"maxTokens":150,"maxChars":120},"acceptedTokens":26,
            "proposed":[{"id":4,"line":"Skip SOL shorts in a calm market: the last 14 lost after costs.","status":"PROPOSED",
            "evidence":{"setups":["ENTRY SOL SHORT"],"decisions":14,"right":5,"netPct":-0.31,"netLowPct":-0.52,"netHighPct":-0.1},
            "tokens":24}],"accepted":[],"versions":[{"version":2,"change":"removed lesson 1","lessonIds":[3]}],
            "market":"binance","horizonSeconds":900,"minSample":30}""";
    static final String UNKNOWN = "{\"error\":\"no lesson 7\",\"field\":\"id\"}";

    private final LessonService lessons;
    private final LessonDrafter drafter;
    private final LessonRepository repository;

    private final io.signaldesk.core.strategy.StrategySettings strategy;
    /** Runs a "Draft now" (it waits up to minutes for the model's idle time): Quarkus's managed pool, not the common one. */
    private final ManagedExecutor executor;
    /** The desk's market: the answers by lesson version are its answers only. */
    private final EdgeService edge;

    LessonResource(LessonService lessons, LessonDrafter drafter, LessonRepository repository,
            io.signaldesk.core.strategy.StrategySettings strategy, ManagedExecutor executor, EdgeService edge) {
        this.lessons = lessons;
        this.edge = edge;
        this.drafter = drafter;
        this.repository = repository;
        this.strategy = strategy;
        this.executor = executor;
    }

    @GET
    @Operation(summary = "Proposed and accepted lessons, the accepted set's version (and the one in the analyzer's "
            + "prompt), the limits, the history of versions and of drafts, and the model's scored answers by the lesson "
            + "version they were asked under (byVersion: before and after), on the market the desk trades now (market)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "state", value = STATE)))
    public Map<String, Object> list() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", lessons.version().version());
        out.put("inPrompt", lessons.versionInPrompt().orElse(null));
        var limits = lessons.limits();
        out.put("limits", Map.of("maxAccepted", limits.maxAccepted(), "maxTokens", limits.maxTokens(), "maxChars",
                io.signaldesk.decision.lessons.LessonBounds.MAX_CHARS));
        out.put("acceptedTokens", lessons.acceptedTokens());
        out.put("proposed", lessons.proposed());
        out.put("accepted", lessons.accepted());
        out.put("decided", lessons.decided());
        out.put("versions", lessons.versions(20));
        // before and after: the model's scored answers by the lesson version they were asked under
        out.put("market", edge.deskMarket());
        out.put("byVersion", repository.byVersion(strategy.edge().horizon(), edge.deskMarket()));
        // what the figures mean: nets are at the edge horizon, and the gate judges no setup below min-sample calls
        out.put("horizonSeconds", strategy.edge().horizon().toSeconds());
        out.put("minSample", strategy.edge().judge().minSample());
        Map<String, Object> drafting = new LinkedHashMap<>();
        drafting.put("on", limits.draft());
        drafting.put("everyScored", limits.everyScored());
        drafting.put("waitingFor", drafter.waitingFor().orElse(null));
        drafting.put("running", drafter.isDrafting());
        drafting.put("recent", repository.drafts(10));
        out.put("drafting", drafting);
        return out;
    }

    @POST
    @Path("/{id}/accept")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Accept a proposed lesson: it enters the model's system message (a new version), within "
            + "decision.lessons.max-accepted lessons and max-tokens estimated tokens (else 409)")
    @APIResponse(responseCode = "200", description = "The lesson and the set's new version")
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN)))
    @APIResponse(responseCode = "409", description = "Not a proposal, or over a limit", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response accept(@PathParam("id") String id) {
        return answer(lessons.accept(id(id)));
    }

    @POST
    @Path("/{id}/reject")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Reject a proposed lesson (kept, never sent to the model)")
    @APIResponse(responseCode = "200", description = "The lesson")
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN)))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response reject(@PathParam("id") String id) {
        return answer(lessons.reject(id(id)));
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Remove an accepted lesson from the model's system message (a new version; the lesson is kept as RETIRED)")
    @APIResponse(responseCode = "200", description = "The lesson and the set's new version")
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN)))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response retire(@PathParam("id") String id) {
        return answer(lessons.retire(id(id)));
    }

    @POST
    @Path("/drafts")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Ask the model for a draft now, without waiting for the cadence (it still runs only on the "
            + "model's idle time); 202 at once, the outcome in GET /api/lessons drafting.recent (EMPTY when no setup has "
            + "enough scored answers)")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "409", description = "A draft runs already", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response draftNow() {
        if (!drafter.startOn(executor)) {
            return ApiError.conflict("a draft runs already");
        }
        return Response.accepted(Map.of("started", true)).build();
    }

    private static Response answer(Change change) {
        if (change.refusal() != null) {
            ApiError error = new ApiError(change.refusal().error(), change.refusal().field());
            return ApiError.response(change.refusal().notFound() ? Response.Status.NOT_FOUND : Response.Status.CONFLICT, error);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lesson", change.lesson());
        out.put("version", change.version());
        return Response.ok(out).build();
    }

    /** A lesson's number (from 1); DecisionOpenApiFilter shows it on the {id} parameter. */
    static final String ID_PATTERN = "[0-9]{1,12}";

    private static long id(String id) {
        if (id == null || !id.matches(ID_PATTERN) || Long.parseLong(id) < 1) {
            throw new BadInputException("id", "id must be a lesson number from 1, e.g. 3");
        }
        return Long.parseLong(id);
    }

}
