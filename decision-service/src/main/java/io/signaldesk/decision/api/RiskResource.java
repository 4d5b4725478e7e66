package io.signaldesk.decision.api;

import java.math.BigDecimal;
import java.util.Iterator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.Shorten;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.RiskService;

/** The risk governor's limits, the kill switch and safe mode. */
@Path("/api/decision")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risk")
public class RiskResource {

    static final String STATE = """
            {"limits":{"maxPositionPct":20,"maxOpenPositions":3,"maxGrossExposurePct":50,"dailyLossLimitPct":3,
             "lossCooldownSeconds":120,"maxEntriesPerHour":20,"safeModeAfterFailures":3,"maxSlippagePct":0.2},
             "halt":{"halted":false,"reason":null,"since":null},
             "safeMode":{"on":false,"consecutiveFailures":0,"lastFailure":null,"since":"2026-11-25T11:58:00Z","cameOnBecause":"TIMEOUT","clearedAt":"2026-11-25T12:01:30Z","clearedBecause":"the model answered again"}}""";

    private static final int MAX_REASON = RiskBounds.MAX_REASON;

    private final RiskService risk;
    private final ObjectMapper mapper;

    RiskResource(RiskService risk, ObjectMapper mapper) {
        this.risk = risk;
        this.mapper = mapper;
    }

    @GET
    @Path("/risk")
    @Operation(summary = "Risk limits, kill switch and safe mode")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "defaults", value = STATE)))
    public RiskService.RiskState get() {
        return risk.state();
    }

    @PUT
    @Path("/risk")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Change risk limits (absent fields keep their value; kept across restarts)",
            description = "The example only tightens (2 positions instead of 3, a 0.1 % price guard instead of 0.2 %): trying "
                    + "it never loosens a limit. Loosen one by naming it, e.g. {\"maxOpenPositions\":3}.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "tighter: two positions, a 0.1 % price guard",
            value = "{\"maxOpenPositions\":2,\"maxSlippagePct\":0.1}")))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "state", value = STATE)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "out of range",
            value = "{\"error\":\"maxPositionPct must be a number above 0 and at most 100\",\"field\":\"maxPositionPct\"}")))
    public Response put(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return ApiError.badRequest("body", "malformed JSON body");
        }
        if (node == null || !node.isObject()) {
            return ApiError.badRequest("body", "a JSON object of risk limits is required");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!RiskBounds.LIMITS.containsKey(name)) {
                return ApiError.badRequest(name, "unknown risk limit " + name.substring(0, Math.min(name.length(), 40))
                        + "; known: " + RiskBounds.LIMITS.keySet().stream().sorted().toList());
            }
        }
        RiskLimits now = risk.limits();
        try {
            RiskLimits next = new RiskLimits(
                    percent(node, "maxPositionPct", now.maxPositionPct()),
                    integer(node, "maxOpenPositions", now.maxOpenPositions()),
                    percent(node, "maxGrossExposurePct", now.maxGrossExposurePct()),
                    percent(node, "dailyLossLimitPct", now.dailyLossLimitPct()),
                    integer(node, "lossCooldownSeconds", now.lossCooldownSeconds()),
                    integer(node, "maxEntriesPerHour", now.maxEntriesPerHour()),
                    integer(node, "safeModeAfterFailures", now.safeModeAfterFailures()),
                    percent(node, "maxSlippagePct", now.maxSlippagePct()));
            risk.update(next);
        } catch (RiskBounds.BadField e) {
            return ApiError.badRequest(e.field, e.getMessage());
        }
        return Response.ok(risk.state()).build();
    }

    @POST
    @Path("/halt")
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Kill switch: stop new entries now (exits and stops keep working); kept across restarts")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reason", value = "{\"reason\":\"news at 14:30\"}")))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "halted",
            value = "{\"halted\":true,\"reason\":\"news at 14:30\",\"since\":\"2026-11-27T06:00:00Z\"}")))
    public Response halt(String body) {
        String reason = null;
        if (body != null && !body.isBlank()) {
            JsonNode node;
            try {
                node = mapper.readTree(body);
            } catch (JsonProcessingException e) {
                return ApiError.badRequest("body", "malformed JSON body");
            }
            JsonNode given = node == null ? null : node.get("reason");
            if (node == null || !node.isObject() || (given != null && !given.isNull() && !given.isTextual())) {
                return ApiError.badRequest("reason", "reason must be a string");
            }
            for (var names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("reason")) { // a typo ("reson") is not a halt without its reason
                    String field = Shorten.text(name);
                    return ApiError.badRequest(field, field + " is not a known field");
                }
            }
            if (given != null && given.isTextual()) {
                reason = given.asText().strip();
                if (reason.length() > MAX_REASON) {
                    return ApiError.badRequest("reason", "reason must be at most " + MAX_REASON + " characters");
                }
                reason = reason.isEmpty() ? null : reason;
            }
        }
        return Response.ok(risk.halt(reason)).build();
    }

    @DELETE
    @Path("/halt")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Resume trading after a halt")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "resumed",
            value = "{\"halted\":false,\"reason\":null,\"since\":\"2026-11-27T06:10:00Z\"}")))
    public RiskService.Halt resume() {
        return risk.resume();
    }

    @DELETE
    @Path("/safe-mode")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Clear safe mode (it also clears on its own at the next answer from the model)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "cleared",
            value = "{\"on\":false,\"consecutiveFailures\":0,\"lastFailure\":null,\"since\":\"2026-11-25T11:58:00Z\",\"cameOnBecause\":\"TIMEOUT\",\"clearedAt\":\"2026-11-25T12:05:00Z\",\"clearedBecause\":\"cleared by the operator\"}")))
    public RiskService.SafeMode clearSafeMode() {
        return risk.clearSafeMode();
    }

    /** The limit's value given in {@code node} within its {@link RiskBounds}; absent keeps {@code current}. */
    private static BigDecimal percent(JsonNode node, String field, BigDecimal current) {
        BigDecimal given = RiskBounds.LIMITS.get(field).read(node);
        return given == null ? current : given;
    }

    private static int integer(JsonNode node, String field, int current) {
        BigDecimal given = RiskBounds.LIMITS.get(field).read(node);
        return given == null ? current : given.intValueExact();
    }
}
