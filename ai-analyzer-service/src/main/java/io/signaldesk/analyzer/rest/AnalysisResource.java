package io.signaldesk.analyzer.rest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.analyzer.client.MarketFeedClient;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;
import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.ExitResult;
import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.domain.RiskResult;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.analyzer.service.AnalysisListener;
import io.signaldesk.analyzer.service.AnalysisService;
import io.signaldesk.analyzer.service.EntryTask;
import io.signaldesk.analyzer.service.ExitTask;
import io.signaldesk.analyzer.service.RiskTask;
import io.signaldesk.analyzer.service.SentimentScheduler;
import io.signaldesk.analyzer.service.SentimentTask;
import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.core.market.CoinSnapshot;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The four analyses; each decides within analyzer.deadline of the request's arrival, from the model or labelled
 * rules. JSON by default; with {@code Accept: text/event-stream} the same answer as Server-Sent Events, the
 * decision first ({@link AnalysisStream}). Blocking only while the market snapshot is fetched: the wait for the
 * model holds no worker thread, so 100 concurrent callers all keep their deadline.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Analysis", description = "Sentiment, entry, exit and risk answers from the local model within analyzer.deadline, or from labelled rules")
@OutsideLimited
@Path("/api/analysis")
@Blocking
public class AnalysisResource {

    private final AnalysisService analysis;
    private final AnalysisStream stream;
    private final MarketFeedClient feed;
    private final SentimentScheduler scheduler;
    private final Duration deadline;
    private final Callers callers;

    public AnalysisResource(AnalysisService analysis, AnalysisStream stream, MarketFeedClient feed,
            SentimentScheduler scheduler, AnalyzerConfig config, Callers callers) {
        this.analysis = analysis;
        this.stream = stream;
        this.feed = feed;
        this.scheduler = scheduler;
        this.deadline = config.deadline();
        this.callers = callers;
    }

    @POST
    @Path("/sentiment")
    @Operation(summary = "Market sentiment for the given coins (default all); market fetched from the feed when absent")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "coins", value = Examples.SENTIMENT_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "ai", value = Examples.SENTIMENT_ENVELOPE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "bad", value = Examples.BAD_REQUEST)))
    @APIResponse(responseCode = "503", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "feed down", value = Examples.FEED_DOWN)))
    public CompletionStage<AnalysisEnvelope<SentimentResult>> sentiment(@Valid SentimentRequest request,
            @Context HttpHeaders headers) {
        long start = System.nanoTime();
        return analysis.analyse(sentimentTask(request), start, deadline, callers.of(headers), AnalysisListener.NONE);
    }

    @POST
    @Path("/sentiment")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Market sentiment as Server-Sent Events: signal (decision fields), reason (text as written), done (envelope)")
    public Multi<OutboundSseEvent> sentimentEvents(@Valid SentimentRequest request, @Context Sse sse,
            @Context HttpHeaders headers) {
        long start = System.nanoTime();
        return stream.events(sse, sentimentTask(request), start, callers.of(headers));
    }

    private SentimentTask sentimentTask(SentimentRequest request) {
        MarketSnapshotDto market = market(request == null ? null : request.market());
        List<CoinSnapshot> coins = request == null || request.coins() == null ? market.coins()
                : request.coins().stream().map(coin -> coin(market, coin, "coins")).distinct().toList();
        if (coins.isEmpty()) {
            throw new BadInputException("market", "the market snapshot has no coin");
        }
        return new SentimentTask(coins);
    }

    @POST
    @Path("/entry")
    @Operation(summary = "Whether to enter a proposed trade")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "long", value = Examples.ENTRY_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "timeout", value = Examples.ENTRY_ENVELOPE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "bad", value = Examples.BAD_REQUEST)))
    public CompletionStage<AnalysisEnvelope<EntryResult>> entry(@Valid @NotNull EntryRequest request,
            @Context HttpHeaders headers) {
        long start = System.nanoTime();
        return analysis.analyse(entryTask(request), start, deadline, callers.of(headers), AnalysisListener.NONE);
    }

    @POST
    @Path("/entry")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Whether to enter, as Server-Sent Events: signal (enter, confidence), reason, done (envelope)")
    public Multi<OutboundSseEvent> entryEvents(@Valid @NotNull EntryRequest request, @Context Sse sse,
            @Context HttpHeaders headers) {
        long start = System.nanoTime();
        return stream.events(sse, entryTask(request), start, callers.of(headers));
    }

    private EntryTask entryTask(EntryRequest request) {
        CoinSnapshot coin = coin(market(request.market()), request.coin(), "coin");
        return new EntryTask(coin, request.side(), request.price(), request.record());
    }

    @POST
    @Path("/exit")
    @Operation(summary = "Whether to hold or close an open position")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "long", value = Examples.EXIT_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "cache", value = Examples.EXIT_ENVELOPE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "bad", value = Examples.BAD_REQUEST)))
    public CompletionStage<AnalysisEnvelope<ExitResult>> exit(@Valid @NotNull ExitRequest request,
            @Context HttpHeaders headers) {
        long start = System.nanoTime();
        return analysis.analyse(exitTask(request), start, deadline, callers.of(headers), AnalysisListener.NONE);
    }

    @POST
    @Path("/exit")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Hold or close, as Server-Sent Events: signal (action, confidence), reason, done (envelope)")
    public Multi<OutboundSseEvent> exitEvents(@Valid @NotNull ExitRequest request, @Context Sse sse,
            @Context HttpHeaders headers) {
        long start = System.nanoTime();
        return stream.events(sse, exitTask(request), start, callers.of(headers));
    }

    private ExitTask exitTask(ExitRequest request) {
        MarketSnapshotDto market = market(request.market());
        CoinSnapshot coin = coin(market, request.coin(), "coin");
        return new ExitTask(coin, request.side(), request.entryPrice(), request.currentPrice(), request.size(),
                request.openedAt(), market.marketTime(coin), request.record());
    }

    @POST
    @Path("/risk")
    @Operation(summary = "Position size (% of equity) and stop-loss (%) before a trade")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "long", value = Examples.RISK_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "ai", value = Examples.RISK_ENVELOPE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "bad", value = Examples.BAD_REQUEST)))
    public CompletionStage<AnalysisEnvelope<RiskResult>> risk(@Valid @NotNull RiskRequest request,
            @Context HttpHeaders headers) {
        long start = System.nanoTime();
        return analysis.analyse(riskTask(request), start, deadline, callers.of(headers), AnalysisListener.NONE);
    }

    @POST
    @Path("/risk")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Size and stop, as Server-Sent Events: signal (positionSizePct, stopLossPct, confidence), reason, done")
    public Multi<OutboundSseEvent> riskEvents(@Valid @NotNull RiskRequest request, @Context Sse sse,
            @Context HttpHeaders headers) {
        long start = System.nanoTime();
        return stream.events(sse, riskTask(request), start, callers.of(headers));
    }

    private RiskTask riskTask(RiskRequest request) {
        CoinSnapshot coin = coin(market(request.market()), request.coin(), "coin");
        return new RiskTask(coin, request.side(), request.price(), request.equity());
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The last scheduled market sentiment")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "latest", value = Examples.SENTIMENT_ENVELOPE)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "none yet",
            value = "{\"error\":\"no scheduled sentiment yet\",\"field\":null}")))
    public Response latest() {
        return scheduler.latest().map(envelope -> Response.ok(envelope).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new ApiError("no scheduled sentiment yet", null)).build());
    }

    private MarketSnapshotDto market(MarketSnapshotDto given) {
        return given != null ? given : feed.snapshot();
    }

    private static CoinSnapshot coin(MarketSnapshotDto market, String coin, String field) {
        return market.coin(coin).orElseThrow(() -> new BadInputException(field,
                "no market data for " + coin.toUpperCase(Locale.ROOT) + " in the snapshot"));
    }
}
