package io.signaldesk.decision.backtest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.BadInputException;

/** The reports backtests wrote in the data directory: the newest one's verdict (the dashboard's line) and any one's Markdown. */
@Path("/api/backtest/reports")
@Tag(name = "Backtest")
public class BacktestReportResource {

    private static final String LATEST = """
            {"name":"backtest-rules-20261207-101500-3f9a0c1d2e4b5a69","file":"backtest/backtest-rules-20261207-101500-3f9a0c1d2e4b5a69.json",
             "writtenAt":"2026-12-07T10:15:00Z","verdict":"no measured edge after costs, worse than always-WAIT",
             "sample":"in-sample: the defaults were tuned on 2024-10-01 03:00 → 2024-10-21 00:00 UTC (Binance BTC, ETH and SOL 1-minute candles), which this period overlaps; these figures flatter the strategy","mode":"RULES",
             "data":"candles","from":"2024-10-01T03:02:00Z","to":"2024-11-04T20:20:00Z","trades":1104,"wins":269,
             "returnPct":-6.28,"maxDrawdownPct":6.33,"buyAndHoldReturnPct":0.73,
             "report":"/api/backtest/reports/backtest-rules-20261207-101500-3f9a0c1d2e4b5a69"}""";
    private static final String NONE = "{\"error\":\"no backtest report in the data directory yet: run one (the dashboard's "
            + "Backtest panel, or POST /api/backtest/jobs)\"}";

    private final BacktestReports reports;

    BacktestReportResource(BacktestReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The newest backtest report of the data directory: its verdict, bottom line and the path of its Markdown",
            description = "Read from the newest backtest-*.json the service, a job or BacktestMain wrote in the data directory "
                    + "(SIGNAL_DATA_DIR), so it survives a restart; report is GET /api/backtest/reports/{name}.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "latest", value = LATEST)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class),
            examples = @ExampleObject(name = "none yet", value = NONE)))
    public Response latest() {
        return reports.latest().map(r -> Response.ok(r).build())
                .orElseGet(() -> ApiError.notFound("no backtest report in the data directory yet: run one (the dashboard's "
                        + "Backtest panel, or POST /api/backtest/jobs)"));
    }

    @GET
    @Path("/{name}")
    @Produces({ "text/plain; charset=UTF-8", MediaType.APPLICATION_JSON })
    @Operation(summary = "A backtest report's Markdown, by the name the backtest gave it (never a path)",
            description = "name: backtest-<mode>-<yyyyMMdd-HHmmss>-<16 hex digits> (walkforward-... for a walk-forward), as "
                    + "GET /api/backtest/reports/latest and a run's output name it; served as text.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/plain", examples = @ExampleObject(name = "report",
            value = "# Backtest — RULES mode, BTC + ETH + SOL, live engine\n\n**Verdict: no measured edge after costs, worse than always-WAIT**\n")))
    @APIResponse(responseCode = "400", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "a path",
            value = "{\"error\":\"name must be a report's name, backtest-<mode>-<yyyyMMdd-HHmmss>-<16 hex digits>\",\"field\":\"name\"}")))
    @APIResponse(responseCode = "404", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown",
            value = "{\"error\":\"no backtest report backtest-rules-20261207-101500-3f9a0c1d2e4b5a69\"}")))
    public Response report(@Parameter(example = "backtest-rules-20261207-101500-3f9a0c1d2e4b5a69") @PathParam("name") String name) {
        if (!BacktestReports.isName(name)) {
            return ApiError.badRequest("name", "name must be a report's name, backtest-<mode>-<yyyyMMdd-HHmmss>-<16 hex digits> "
                    + "(walkforward-... for a walk-forward)");
        }
        try {
            return reports.markdown(name).map(text -> Response.ok(text, "text/plain; charset=UTF-8").build())
                    .orElseGet(() -> ApiError.notFound("no backtest report " + name));
        } catch (BadInputException e) {
            return ApiError.badRequest(e.field(), e.getMessage());
        }
    }
}
