package io.signaldesk.decision.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.JsonErrors;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.common.json.KnownFieldsOnly;

@Path("/api/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals")
public class ProposalResource {

    /** Optional body of confirm: another size for an entry. */
    @KnownFieldsOnly
    public record ConfirmRequest(BigDecimal size) {
    }

    static final String PROPOSAL = """
            {"id":"5b0c...","kind":"ENTRY","coin":"BTC","side":"LONG","size":0.002105,"price":95000.10,"confidence":7,
             "stopLossPct":1.5,"source":"RULES+AI","mode":"HYBRID","policy":"VETO",
             "ruleReason":"LONG: momentum 0.35%, bids 62% of book, buy/sell volume 1.25/0.4",
             "aiReason":"[AI] Strong buying pressure","fallbackReason":null,"status":"PENDING",
             "createdAt":"2026-11-25T12:00:00Z","expiresAt":"2026-11-25T12:01:00Z","decidedAt":null,
             "refusedBy":null,"resizedBy":null,"edgeVerdict":"PROVEN",
             "card":{"notional":199.97,"equityPct":2.00,"expectedFill":95047.6050,"stopPrice":93621.8909,
              "targetPrice":97898.0332,"fee":0.20,"roundTripFees":0.40,"maxSlippagePct":0.2,"worstFill":95285.6052,
              "secondsLeft":42,"onExpiry":"expires unconfirmed: nothing is entered",
              "confidence":{"stated":7,"bucket":"7-10","source":"RULES+AI","horizon":"15m","calls":37,"hits":20,
               "rate":0.5405,"low":0.3923,"high":0.6824,"meaning":"7/10 is the RULES+AI call's own estimate (read as 70 % that the direction is right); measured: RULES+AI calls at 7-10 went the called way 54.1 % of 37 times over 15m (95 % interval 39.2 %-68.2 %)"},
              "lowConfidence":false,"unproven":false,"warnings":[]}}""";

    /** How to try an operation on one proposal in Swagger UI: its id comes from the pending list. */
    static final String ID_STEP = "A proposal's id. First step: GET /api/proposals?status=PENDING (Try it out on "
            + "\"Proposals, newest first\", status PENDING) and copy the id of one; a proposal waits about a minute "
            + "(expiresAt), then it is EXPIRED and confirm answers 409.";

    /** Largest size a confirm may name, before the proposal's own and the risk limits apply. */
    static final BigDecimal MAX_SIZE = new BigDecimal("1e9");
    static final String SIZE_RULE = "must be greater than 0 and at most 1e9, with at most 18 decimals";
    /** Proposal ids are UUIDs; anything else (a NUL, a megabyte) is a 400 before any lookup. */
    /** What a proposal id may look like; DecisionOpenApiFilter shows it on the {id} parameter. */
    static final String ID_PATTERN = "[A-Za-z0-9-]{1,64}";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(ID_PATTERN);

    private final ProposalService proposals;
    private final ProposalCards cards;
    private final ObjectMapper mapper;

    ProposalResource(ProposalService proposals, ProposalCards cards, ObjectMapper mapper) {
        this.proposals = proposals;
        this.cards = cards;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "Proposals, newest first, optionally by status", description = "A pending proposal carries its "
            + "confirm card: notional (USDT), share of equity, expected fill, stop and target, fees, the worst fill the "
            + "slippage guard allows, seconds left, what happens on expiry and what its confidence has been worth (the "
            + "measured hit rate of its source and confidence bucket, or not measured yet)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "pending", value = "[" + PROPOSAL + "]")))
    public Response list(@Parameter(description = "PENDING lists what waits for a confirm (their ids are what confirm and "
            + "reject take); empty: every status", example = "PENDING", schema = @Schema(implementation = ProposalStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "How many, newest first", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "" + PageLimit.MIN, maximum = "" + PageLimit.MAX, defaultValue = "100"))
            @QueryParam("limit") String limitParam) {
        int limit = PageLimit.of(limitParam, 100);
        ProposalStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ProposalStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return ApiError.badRequest("status", "status must be one of " + Arrays.toString(ProposalStatus.values()));
            }
        }
        List<Proposal> result = proposals.list(wanted, limit);
        return Response.ok(cards.view(result)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One proposal")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "proposal", value = PROPOSAL)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "unknown", value = "{\"error\":\"no proposal abc\"}")))
    public Response get(@Parameter(description = ID_STEP) @PathParam("id") String id) {
        if (!ID.matcher(id).matches()) {
            return badId();
        }
        return proposals.find(id).map(p -> Response.ok(cards.view(p)).build())
                .orElseGet(() -> ApiError.notFound("no proposal " + id));
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Confirm a pending proposal: it is filled at the live price, once, within the risk limits",
            description = "First step: GET /api/proposals?status=PENDING and copy a pending proposal's id (its card says "
                    + "what the confirm fills: notional, stop, target, fees, the worst fill). "
                    + "size (optional) is at most the proposal's; the risk governor may cut it (the proposal's "
                    + "resizedBy names the limit) or refuse the fill (409 naming the limit in refusedBy); a price that "
                    + "moved more than maxSlippagePct from the proposal's expires it (409, refusedBy maxSlippagePct)")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "other size", value = "{\"size\":0.001}")))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "fill", value = """
            {"id":1,"proposalId":"5b0c...","kind":"ENTRY","coin":"BTC","side":"LONG","qty":0.002105,"price":95047.6,
             "fee":0.20007,"realizedPnl":0,"reason":"confirmed","at":"2026-11-25T12:00:10Z"}""")))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class),
            examples = @ExampleObject(name = "unknown", value = "{\"error\":\"no proposal abc\"}")))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class),
            examples = @ExampleObject(name = "larger than proposed",
            value = "{\"error\":\"size must be at most the proposal's 0.002105\",\"field\":\"size\"}")))
    @APIResponse(responseCode = "409", description = "Not pending any more, or refused by a risk limit (refusedBy names it)",
            content = @Content(schema = @Schema(implementation = RiskRefusalError.class), examples = {
            @ExampleObject(name = "twice", value = "{\"error\":\"proposal 5b0c... is CONFIRMED\"}"),
            @ExampleObject(name = "risk limit", value = "{\"error\":\"refused by maxOpenPositions: 3 positions open, at most 3\",\"refusedBy\":\"maxOpenPositions\"}"),
            @ExampleObject(name = "price moved", value = "{\"error\":\"refused by maxSlippagePct: price moved 0.8 % from the proposal's 95000 to 95760, more than 0.5 %; the proposal is expired\",\"refusedBy\":\"maxSlippagePct\"}") }))
    public Response confirm(@Parameter(description = ID_STEP) @PathParam("id") String id, String body) {
        if (!ID.matcher(id).matches()) {
            return badId();
        }
        ConfirmRequest request;
        try {
            request = body == null || body.isBlank() ? null : mapper.readValue(body, ConfirmRequest.class);
        } catch (JsonProcessingException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, JsonErrors.describe(e));
        }
        BigDecimal size = request == null ? null : request.size();
        if (size != null && (size.signum() <= 0 || size.compareTo(MAX_SIZE) > 0 || size.scale() > 18)) {
            return ApiError.badRequest("size", "size " + SIZE_RULE);
        }
        return proposals.find(id).map(p -> size != null && size.compareTo(p.size()) > 0
                ? ApiError.badRequest("size", "size must be at most the proposal's " + p.size().toPlainString())
                : Response.ok(proposals.confirm(p, size)).build())
                .orElseGet(() -> ApiError.notFound("no proposal " + id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Reject a pending proposal")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "rejected", value = PROPOSAL)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class),
            examples = @ExampleObject(name = "unknown", value = "{\"error\":\"no proposal abc\"}")))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "expired", value = "{\"error\":\"proposal 5b0c... is EXPIRED\"}")))
    public Response reject(@Parameter(description = ID_STEP) @PathParam("id") String id) {
        if (!ID.matcher(id).matches()) {
            return badId();
        }
        return proposals.find(id).map(p -> Response.ok(proposals.reject(p)).build())
                .orElseGet(() -> ApiError.notFound("no proposal " + id));
    }

    private static Response badId() {
        return ApiError.badRequest("id", "id must be a proposal id (1-64 letters, digits or '-')");
    }
}
