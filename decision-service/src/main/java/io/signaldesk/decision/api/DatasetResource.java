package io.signaldesk.decision.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.decision.engine.port.EdgeStore.AnswerFilter;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.TrainingSet;
import io.signaldesk.core.market.Coin;

/**
 * The model's scored history as a training set (JSON Lines, chat format): served here because the outcomes and the
 * prompts as sent are kept in this service's ledger, with the answers they belong to.
 */
@Path("/api/ai/dataset")
@Tag(name = "Decisions and signals")
public class DatasetResource {

    static final String NDJSON = "application/x-ndjson";
    static final int MAX_LIMIT = 50_000;
    static final int DEFAULT_LIMIT = 10_000;
    static final List<String> TYPES = List.of("ENTRY", "EXIT");
    static final List<String> SPLITS = List.of("TRAIN", "VALIDATION", "ALL");
    static final List<String> ASSISTANTS = List.of("GIVEN", "RIGHT");
    static final double DEFAULT_VALIDATION = 0.2;
    static final String MAX_VALIDATION = "0.5";
    private static final String VALIDATION_RULE = "validation must be a share from 0 to " + MAX_VALIDATION + ", e.g. 0.2";

    private final EdgeService edge;

    DatasetResource(EdgeService edge) {
        this.edge = edge;
    }

    @GET
    @Produces(NDJSON)
    @Operation(summary = "The model's scored entry and exit answers as a training set: one {\"messages\":[system, user, "
            + "assistant],\"split\",\"label\"} a line, oldest first, split by time into train and validation; the split "
            + "falls between two instants, at the edge nearer the asked share, so the answers given at one instant (several "
            + "coins asked on one frame) are all on one side; the answers scored on one market only (the desk's now unless "
            + "market names another)")
    public Response dataset(@QueryParam("type") String type, @QueryParam("coin") String coin,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("split") String split,
            @QueryParam("validation") String validation, @QueryParam("assistant") String assistant,
            @QueryParam("limit") String limit, @QueryParam("market") String market) {
        String on = MarketParam.of(market);
        String kind = type == null ? null : oneOf("type", type, TYPES);
        if (coin != null && !Coin.valid(coin)) {
            throw new BadInputException("coin", "coin " + Coin.MESSAGE);
        }
        Instant start = from == null ? null : instant("from", from, false);
        Instant end = to == null ? null : instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadInputException("to", "to must be after from");
        }
        String part = split == null ? null : oneOf("split", split, SPLITS);
        double share = validation == null ? DEFAULT_VALIDATION : number("validation", validation);
        if (!(share >= 0 && share <= Double.parseDouble(MAX_VALIDATION))) {
            throw new BadInputException("validation", VALIDATION_RULE);
        }
        TrainingSet.Assistant answer = assistant == null ? TrainingSet.Assistant.RIGHT
                : TrainingSet.Assistant.valueOf(oneOf("assistant", assistant, ASSISTANTS));
        int rows = limit == null ? DEFAULT_LIMIT : count("limit", limit);
        List<String> lines = TrainingSet.lines(edge.answersWithPrompts(new AnswerFilter(kind,
                coin == null ? null : coin.toUpperCase(Locale.ROOT), start, end, rows,
                on == null ? edge.deskMarket() : on)), share,
                part == null || part.equals("ALL") ? null : part.toLowerCase(Locale.ROOT), answer);
        return Response.ok(String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"), NDJSON).build();
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new BadInputException(field, field + " must be one of " + String.join(", ", allowed).toLowerCase(Locale.ROOT));
        }
        return upper;
    }

    /** A UTC date (a whole day: {@code to} includes it) or an instant. */
    private static Instant instant(String field, String value, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException(field, field + " must be a date (2024-10-01) or an instant (2024-10-01T12:00:00Z)");
        }
    }

    private static double number(String field, String value) {
        if (!value.matches("[0-9]{1,3}(\\.[0-9]{1,6})?")) {
            throw new BadInputException(field, VALIDATION_RULE);
        }
        return Double.parseDouble(value);
    }

    private static int count(String field, String value) {
        if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
            throw new BadInputException(field, field + " must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(value);
    }
}
