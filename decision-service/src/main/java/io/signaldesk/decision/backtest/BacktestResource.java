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
            {"mode":"RULES","data":"candles","from":"2024-10-01T03:02:00Z","to":"2024-11-01T00:00:00Z","frames":44458,
             "coins":["BTC","ETH"],"decisionCounts":{"PROPOSED":812,"REFUSED":95,"STOP_LOSS":41},"decisionsTotal":948,
             "decisionsOffset":0,"decisions":[{"marketAt":"2024-10-01T03:14:00Z","coin":"BTC","kind":"ENTRY",
             "outcome":"PROPOSED","direction":"LONG","source":"RULES","confidence":6,"price":63512.5,
             "proposalStatus":"CONFIRMED"}],
             "paper":{"initialEquity":10000,"finalEquity":9871.2,"returnPct":-1.288,"trades":402,"wins":151},
             "output":{"json":"backtest/backtest-rules-20261127-090000.json",
             "markdown":"backtest/backtest-rules-20261127-090000.md",
             "decisions":"backtest/backtest-rules-20261127-090000-decisions.csv"}}""";
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
    @Operation(summary = "The candle CSVs and Binance captures (.gz, .txt) of the data directory (SIGNAL_DATA_DIR) a backtest may name")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "files", value = FILES)))
    public List<DataDirectory.FileInfo> files() {
        return backtests.files();
    }

    @POST
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Backtest the live engine on 1-minute candle CSVs or raw Binance captures",
            description = "Replays the data through the engine that trades live (rules, mode and policy, exit checks, risk "
                    + "governor, paper fills, scoring) on a scratch ledger and a simulated clock; the live ledger, proposals "
                    + "and dashboard are not touched. Settings are the service's current ones; every field given overrides "
                    + "one. Reads only files of the data directory (SIGNAL_DATA_DIR), by relative name, or CSV text sent "
                    + "in the body (csv: coin → text, up to 3 MiB each, 4 MiB per body). Or captures: raw Binance capture "
                    + "names of the data directory (<receive ns> <json> lines, plain or gzip, the format "
                    + "feed.replay.format=binance-capture reads; at most 16, 512 MB decompressed), replayed through the "
                    + "feed's own pipeline and market-time coalescing, every decision at its venue time (marketAt). Runs "
                    + "synchronously; writes the "
                    + "JSON, Markdown and decisions CSV reports under outputDir (a folder of the data directory, default "
                    + "backtest) and answers the JSON report with one page of the decisions.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "candles in the body", value = "{\"csv\":{\"BTC\":\"timestamp,open,high,low,close,volume\\n"
                    + "2024-10-01 03:00:00,63000,63010,62990,63005,12.5\\n2024-10-01 03:01:00,63005,63020,63000,63015,9.1\\n\"}}"),
            @ExampleObject(name = "rules on real candles", value = REQUEST),
            @ExampleObject(name = "rules on Binance captures", value = "{\"captures\":[\"binance-spot/spot-btcusdt_20240808.gz\","
                    + "\"binance-spot/spot-btcusdt_20240809.gz\",\"binance-spot/spot-ethusdt_20240808.gz\","
                    + "\"binance-spot/spot-ethusdt_20240809.gz\"],\"mode\":\"RULES\",\"decisionsLimit\":50}"),
            @ExampleObject(name = "hybrid VETO, one day, own thresholds", value = "{\"paths\":[\"klines-1m/BTCUSDT-1m-2024Q4.csv\"],"
                    + "\"mode\":\"HYBRID\",\"policy\":\"VETO\",\"analyzerUrl\":\"http://localhost:8082\",\"momentumPct\":0.3,"
                    + "\"from\":\"2024-10-01T03:00:00Z\",\"to\":\"2024-10-02T03:00:00Z\",\"decisionsLimit\":50}"),
            @ExampleObject(name = "walk-forward, out-of-sample figures only (the last week held out)", value = "{\"files\":"
                    + "{\"BTC\":\"klines-1m/BTCUSDT-1m-2024Q4.csv\"},\"mode\":\"RULES\",\"walkForward\":{\"trainHours\":168,"
                    + "\"testHours\":168,\"stepHours\":168,\"holdoutHours\":168}}"),
            @ExampleObject(name = "seed the edge gate's track record from past data", value = "{\"files\":{\"BTC\":"
                    + "\"klines-1m/BTCUSDT-1m-2024Q4.csv\"},\"mode\":\"RULES\",\"edgeMode\":\"gate\",\"seedTrackRecord\":true}") }))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "report", value = ANSWER)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "gap in a file",
            value = "{\"error\":\"klines-1m/BTCUSDT-1m-2024Q4.csv line 42: gap: 3 minute(s) missing between 2024-10-01T03:39:00Z (line 41) and "
                    + "2024-10-01T03:43:00Z\",\"field\":\"files.BTC\"}")))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "busy",
            value = "{\"error\":\"a backtest is already running; try again when it has finished\"}")))
    public Response run(BacktestRequest request) {
        try {
            if (request != null && request.walkForward() != null) {
                WalkForward.Report report = backtests.walkForward(request); // out-of-sample figures only
                count("ok");
                return Response.ok(report).build();
            }
            BacktestReport report = backtests.run(request);
            count("ok");
            registry.counter("decision.backtest.frames", "mode", report.mode()).increment(report.frames());
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
