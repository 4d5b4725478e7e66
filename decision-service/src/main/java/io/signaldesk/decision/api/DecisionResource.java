package io.signaldesk.decision.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.decision.ledger.DecisionRepository;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.engine.SignalScoringService.Accuracy;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions and signals")
public class DecisionResource {

    private final DecisionRepository decisions;
    private final SignalScoringService scoring;
    private final LiveEvaluationService evaluation;

    DecisionResource(DecisionRepository decisions, SignalScoringService scoring, LiveEvaluationService evaluation) {
        this.decisions = decisions;
        this.scoring = scoring;
        this.evaluation = evaluation;
    }

    @GET
    @Path("/decisions")
    @Operation(summary = "What the engine decided, newest first (PROPOSED, VETOED, NO_AGREEMENT, AI_DECLINED, STOP_LOSS, ...)",
            description = "said: who decided and what they said, e.g. \"model: do not enter, 9/10\" for a vetoed entry, "
                    + "\"edge gate: no measured edge\" for a stopped one; edgeVerdict: the edge gate's verdict on an entry "
                    + "that reached it (PROVEN, UNPROVEN, NO_EDGE, UNGATED), null for an exit or an entry decided before "
                    + "the gate was asked (vetoed, declined)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "veto", value = """
            [{"id":12,"at":"2026-11-25T12:00:00Z","marketAt":"2026-11-25T11:59:59.870Z","coin":"BTC","kind":"ENTRY","outcome":"VETOED","mode":"HYBRID",
              "policy":"VETO","source":"AI","direction":"LONG","confidence":6,
              "ruleReason":"LONG: momentum 0.35%, bids 62% of book, buy/sell volume 1.25/0.4",
              "aiReason":"[AI] Momentum is fading","fallbackReason":null,"proposalId":null,"refusedBy":null,
              "resizedBy":null,"edgeVerdict":null,
              "said":"model: do not enter, 6/10 (vetoed the rules' LONG entry)"}]""")))
    public Response decisions(@Parameter(description = "How many, newest first", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "" + PageLimit.MIN, maximum = "" + PageLimit.MAX, defaultValue = "50"))
            @QueryParam("limit") String limitParam) {
        int limit = PageLimit.of(limitParam, 50);
        return Response.ok(DecisionLines.view(decisions.latest(limit))).build();
    }

    @GET
    @Path("/signals/accuracy")
    @Operation(summary = "Hit rate of every signal at each horizon, by source, coin and confidence bucket, with baselines",
            description = "On one market's signals only (market: the desk's market now unless asked; markets: the scored "
                    + "outcomes kept of each): the simulator's made-up prices are never counted with a venue's")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "report", value = """
            {"horizons":["1m","5m"],"flatBandPct":"0.05","pendingSignals":14,"market":"binance",
              "markets":{"binance":40,"simulator":1250},"byHorizon":[{"horizon":"1m",
              "overall":{"scored":40,"hits":22,"hitRate":0.55,"alwaysWaitHitRate":0.4,"momentumOnlyHitRate":0.45},
              "bySource":{"RULES":{"scored":30,"hits":16,"hitRate":0.5333,"alwaysWaitHitRate":0.4,"momentumOnlyHitRate":0.4333}},
              "byCoin":{"BTC":{"scored":20,"hits":11,"hitRate":0.55,"alwaysWaitHitRate":0.35,"momentumOnlyHitRate":0.5}},
              "byConfidence":{"4-6":{"scored":25,"hits":12,"hitRate":0.48,"alwaysWaitHitRate":0.44,"momentumOnlyHitRate":0.4}}}]}""")))
    public Accuracy accuracy(@Parameter(description = "The market whose signals count; absent: the market the desk "
            + "trades now", schema = @Schema(type = SchemaType.STRING, pattern = MarketParam.PATTERN, maxLength = 105))
            @QueryParam("market") String market) {
        String on = MarketParam.of(market);
        return on == null ? scoring.accuracy() : scoring.accuracy(on);
    }

    @GET
    @Path("/signals/evaluation")
    @Operation(summary = "The live verdict and what it rests on: direction accuracy of the calls at the longest horizon "
            + "(Wilson 95 % interval, p against 50 %), expectancy of the paper account's closed trades after costs (95 % "
            + "bootstrap by UTC day), Sharpe, calibration, always-long/short on the same entries; overall, per source, "
            + "coin and confidence bucket; on one market's calls and paper trades only (market: the desk's market now "
            + "unless asked)")
    public MarketEvaluation evaluation(@Parameter(description = "The market whose calls and paper trades count; absent: "
            + "the market the desk trades now", schema = @Schema(type = SchemaType.STRING, pattern = MarketParam.PATTERN,
                    maxLength = 105)) @QueryParam("market") String market) {
        String on = MarketParam.of(market);
        String read = on == null ? scoring.deskMarket() : on;
        return new MarketEvaluation(read, evaluation.evaluation(read));
    }

    /** The evaluation of {@code market}, named beside its figures. */
    public record MarketEvaluation(String market,
            @com.fasterxml.jackson.annotation.JsonUnwrapped io.signaldesk.core.evaluation.Evaluation evaluation) {
    }
}
