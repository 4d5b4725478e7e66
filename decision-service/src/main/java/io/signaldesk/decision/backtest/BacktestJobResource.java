package io.signaldesk.decision.backtest;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.BadInputException;

/** Long backtests as jobs: submit (202 + Location), follow the progress, read the report, cancel. */
@Path("/api/backtest/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backtest")
public class BacktestJobResource {

    /** What a job id looks like; DecisionOpenApiFilter shows it on the {id} parameter. */
    public static final String ID_PATTERN = "[0-9a-f]{12}";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final String RUNNING = """
            {"id":"3f9c2a7b1d04","state":"RUNNING","submittedAt":"2026-11-27T12:00:00Z","startedAt":"2026-11-27T12:00:00Z",
             "finishedAt":null,"frames":31000,"totalFrames":49999,"progressPct":62.0,"marketTime":"2024-10-22T14:01:00Z",
             "cancelRequested":false,"error":null,"field":null,"report":null}""";

    private final BacktestJobs jobs;

    BacktestJobResource(BacktestJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Start a backtest as a job",
            description = "The body of POST /api/backtest, checked at once (400 names the field); the run then goes on in "
                    + "the background: 202 with Location /api/backtest/jobs/{id}. One backtest at a time (409 while one "
                    + "runs, here or on POST /api/backtest); the last 10 finished jobs are kept with their reports, in the "
                    + "ledger: they are there after a restart, and a job the service stopped under reads INTERRUPTED. With "
                    + "walkForward the job runs the rolling train/test windows and its report is the out-of-sample one "
                    + "(windows, their test hours only), its progress the frames of all windows.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "Q4 candles, rules", value = """
                    {"files":{"BTC":"klines-1m/BTCUSDT-1m-2024Q4.csv","ETH":"klines-1m/ETHUSDT-1m-2024Q4.csv",
                     "SOL":"klines-1m/SOLUSDT-1m-2024Q4.csv"},"mode":"RULES","feePct":0.1,"slippagePct":0.05}"""),
            @ExampleObject(name = "walk-forward, out-of-sample figures only (the last week held out)", value = """
                    {"files":{"BTC":"klines-1m/BTCUSDT-1m-2024Q4.csv"},"mode":"RULES","walkForward":{"trainHours":168,
                     "testHours":168,"stepHours":168,"holdoutHours":168}}"""),
            @ExampleObject(name = "candles in the body", value = "{\"csv\":{\"BTC\":\"timestamp,open,high,low,close,volume\\n"
                    + "2024-10-01 03:00:00,63000,63010,62990,63005,12.5\\n2024-10-01 03:01:00,63005,63020,63000,63015,9.1\\n\"}}") }))
    @APIResponse(responseCode = "202", content = @Content(examples = @ExampleObject(name = "queued", value = """
            {"id":"3f9c2a7b1d04","state":"QUEUED","submittedAt":"2026-11-27T12:00:00Z","frames":0}""")))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response submit(BacktestRequest request) {
        try {
            BacktestJob job = jobs.submit(request);
            return Response.accepted(job.accepted()).location(URI.create("/api/backtest/jobs/" + job.id())).build();
        } catch (BadInputException e) {
            return ApiError.badRequest(e.field(), e.getMessage());
        } catch (BacktestService.Busy e) {
            return ApiError.conflict(e.getMessage());
        }
    }

    @GET
    @Operation(summary = "The jobs kept: waiting, running and the last finished ones (without their reports)")
    public List<BacktestJob.View> list() {
        return jobs.all().stream().map(j -> j.view(false)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job's state and progress (frames of totalFrames, market time reached); its report once DONE")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "running", value = RUNNING)))
    @APIResponse(responseCode = "400", description = "Not a job id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response get(@Parameter(example = "3f9c2a7b1d04") @PathParam("id") String id) {
        return known(id) ? jobs.find(id).map(j -> Response.ok(j.view(true)).build()).orElseGet(() -> unknown(id))
                : malformed();
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Cancel a waiting or running job (202, it stops within moments), or forget a finished one (204)")
    @APIResponse(responseCode = "400", description = "Not a job id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response cancel(@Parameter(example = "3f9c2a7b1d04") @PathParam("id") String id) {
        if (!known(id)) {
            return malformed();
        }
        return jobs.cancel(id).map(j -> j.finished() ? Response.noContent().build()
                : Response.accepted(j.view(false)).build()).orElseGet(() -> unknown(id));
    }

    private static boolean known(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static Response unknown(String id) {
        return ApiError.notFound("no backtest job " + id + " (the last " + BacktestJobs.KEPT + " finished jobs are kept)");
    }

    private static Response malformed() {
        return ApiError.badRequest("id", "id must be a job id, 12 hex digits (as POST /api/backtest/jobs answers)");
    }
}
