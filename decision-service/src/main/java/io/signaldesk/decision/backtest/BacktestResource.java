package io.signaldesk.decision.backtest;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;

@Path("/api/backtest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backtest")
public class BacktestResource {

    private static final String REQUEST = """
            {"files":{"BTC":"klines-1m/BTCUSDT-1m-2024Q4.csv",
                      "ETH":"klines-1m/ETHUSDT-1m-2024Q4.csv"},
             "mode":"RULES","feePct":0.1,"slippagePct":0.05,
             "from":"2024-10-01T03:00:00Z","to":"2024-11-01T00:00:00Z"}""";
    private static final String ANSWER = """
            {"mode":"RULES","from":"2024-10-01T03:00:00Z","to":"2024-11-04T20:20:00Z","bars":50000,"candles":150000,
             "coins":["BTC","ETH","SOL"],"scoring":[{"horizonMinutes":5,"overall":{"signals":149982,"hits":54296,
             "hitRate":0.362,"alwaysWaitHitRate":0.3556,"buyAndHoldHitRate":0.3222}}],
             "paper":{"finalEquity":9340.26793581,"returnPct":-6.5973,"trades":1195,"maxDrawdownPct":6.65},
             "buyAndHold":{"returnPct":0.7303,"maxDrawdownPct":11.3377},
             "output":{"json":"backtest/backtest-rules-20261125-133215.json",
             "markdown":"backtest/backtest-rules-20261125-133215.md"}}""";
    private static final String FILES = """
            [{"name":"klines-1m/BTCUSDT-1m-2024Q4.csv","size":3148667,"modified":"2026-11-25T12:00:00Z"}]""";

    private final BacktestService backtests;
    private final MeterRegistry registry;

    BacktestResource(BacktestService backtests, MeterRegistry registry) {
        this.backtests = backtests;
        this.registry = registry;
    }

    @GET
    @Path("/files")
    @Operation(summary = "The candle CSVs of the data directory (SIGNAL_DATA_DIR) a backtest may name")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "files", value = FILES)))
    public List<DataDirectory.FileInfo> files() {
        return backtests.files();
    }

    @POST
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Backtest the rules strategy (and, with analyzerUrl, AI or HYBRID) on 1-minute candle CSVs",
            description = "Reads only files of the data directory (SIGNAL_DATA_DIR), by relative name, or CSV text sent "
                    + "in the body (csv: coin → text, up to 3 MiB each, 4 MiB per body). Runs synchronously (five weeks of "
                    + "three coins take seconds in RULES mode); writes the JSON and Markdown reports under outputDir (a "
                    + "folder of the data directory, default backtest) and answers the JSON report.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "candles in the body", value = "{\"csv\":{\"BTC\":\"timestamp,open,high,low,close,volume\\n"
                    + "2024-10-01 03:00:00,63000,63010,62990,63005,12.5\\n2024-10-01 03:01:00,63005,63020,63000,63015,9.1\\n\"}}"),
            @ExampleObject(name = "rules on real candles", value = REQUEST),
            @ExampleObject(name = "hybrid, analyzer every 30 min", value = "{\"paths\":[\"klines-1m/BTCUSDT-1m-2024Q4.csv\"],"
                    + "\"mode\":\"HYBRID\",\"analyzerUrl\":\"http://localhost:8082\",\"aiEveryMinutes\":30}") }))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "report", value = ANSWER)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "gap in a file",
            value = "{\"error\":\"klines-1m/BTCUSDT-1m-2024Q4.csv line 42: gap: 3 minute(s) missing between 2024-10-01T03:39:00Z (line 41) and "
                    + "2024-10-01T03:43:00Z\",\"field\":\"files.BTC\"}")))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "busy",
            value = "{\"error\":\"a backtest is already running; try again when it has finished\"}")))
    public Response run(BacktestRequest request) {
        try {
            BacktestReport report = backtests.run(request);
            count("ok");
            registry.counter("decision.backtest.candles", "mode", report.mode()).increment(report.candles());
            return Response.ok(report).build();
        } catch (BadInputException e) { // the request's and the data directory's refusals
            count("bad_input");
            return ApiError.badRequest(e.field(), e.getMessage());
        } catch (BacktestService.Busy e) {
            count("busy");
            return ApiError.conflict(e.getMessage());
        }
    }

    private void count(String outcome) {
        registry.counter("decision.backtest.runs", "outcome", outcome).increment();
    }
}
