package io.signaldesk.decision.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.backtest.BacktestBounds;
import io.signaldesk.core.market.Coin;

/**
 * The request schemas of the bodies the decision service parses itself (strictly: no coercion, unknown fields
 * refused), which SmallRye can only see as a string: the risk limits and the halt's reason, with the bounds
 * {@link RiskBounds} checks, and a confirm's size, so Swagger UI shows what is accepted. A backtest request (a record whose checks are
 * spread over the run's settings) shows the bounds {@link BacktestBounds} checks.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DecisionOpenApiFilter implements OASFilter {

    static final String LIMITS = "RiskLimitsChange";
    static final String HALT = "HaltRequest";
    static final String BACKTEST = "BacktestRequest";
    static final String CONFIRM = "ConfirmRequest";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(LIMITS, RiskBounds.limitsSchema());
        openAPI.getComponents().addSchema(HALT, RiskBounds.haltSchema());
        body(openAPI, "/api/decision/risk", PathItem::getPUT, LIMITS);
        body(openAPI, "/api/decision/halt", PathItem::getPOST, HALT);
        openAPI.getComponents().addSchema(CONFIRM, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Optional: the size to fill, at most the proposal's; absent or no body: the proposal's size")
                .addProperty("size", OASFactory.createSchema().addType(Schema.SchemaType.NUMBER)
                        .exclusiveMinimum(BigDecimal.ZERO).maximum(ProposalResource.MAX_SIZE)
                        .description(ProposalResource.SIZE_RULE)));
        body(openAPI, "/api/proposals/{id}/confirm", PathItem::getPOST, CONFIRM);
        documentBacktestBounds(openAPI);
        documentDatasetParameters(openAPI);
        pathPattern(openAPI, "/api/proposals/{id}", "id", ProposalResource.ID_PATTERN, "A proposal's id, as GET /api/proposals lists it");
        pathPattern(openAPI, "/api/lessons/{id}", "id", LessonResource.ID_PATTERN, "A lesson's number, from 1, as GET /api/lessons lists it");
        pathPattern(openAPI, "/api/backtest/jobs/{id}", "id", io.signaldesk.decision.backtest.BacktestJobResource.ID_PATTERN,
                "A job's id, 12 hex digits, as POST /api/backtest/jobs answers it");
        pathPattern(openAPI, "/api/backtest/reports/{name}", "name", io.signaldesk.decision.backtest.BacktestReports.NAME_PATTERN,
                "A report's name (never a path), as GET /api/backtest/reports/latest names it");
        pathPattern(openAPI, "/api/portfolio/positions/{coin}", "coin", Coin.PATTERN,
                "The position's coin, 1-20 letters or digits, as GET /api/portfolio lists it");
    }

    /** The {@code name} parameter of every operation under {@code prefix} shows the pattern its resource checks. */
    private static void pathPattern(OpenAPI openAPI, String prefix, String name, String pattern, String description) {
        int documented = 0;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith(prefix)) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                for (org.eclipse.microprofile.openapi.models.parameters.Parameter parameter
                        : operation.getParameters() == null ? List.<org.eclipse.microprofile.openapi.models.parameters.Parameter>of()
                                : operation.getParameters()) {
                    if (parameter.getName().equals(name)) {
                        parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^" + pattern + "$")
                                .example(parameter.getSchema() == null ? null : parameter.getSchema().getExample()));
                        if (parameter.getDescription() == null) {
                            parameter.setDescription(description);
                        }
                        documented++;
                    }
                }
            }
        }
        if (documented == 0) {
            throw new IllegalStateException("no {" + name + "} parameter under " + prefix + " to show its pattern on");
        }
    }

    /** The training set's query parameters: the names, pattern and ranges {@link DatasetResource} checks. */
    private static void documentDatasetParameters(OpenAPI openAPI) {
        PathItem item = openAPI.getPaths().getPathItem("/api/ai/dataset");
        if (item == null || item.getGET() == null || item.getGET().getParameters() == null) {
            throw new IllegalStateException("no GET /api/ai/dataset with parameters to show their bounds on");
        }
        for (org.eclipse.microprofile.openapi.models.parameters.Parameter parameter : item.getGET().getParameters()) {
            Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            String description = switch (parameter.getName()) {
                case "type" -> names(schema, DatasetResource.TYPES, "entry or exit answers; absent: both");
                case "split" -> names(schema, DatasetResource.SPLITS, "one part of the time split; absent: all");
                case "assistant" -> names(schema, DatasetResource.ASSISTANTS,
                        "the assistant turn: the model's answer as given, or the right one by the outcome (default)");
                case "coin" -> {
                    schema.pattern("^" + Coin.PATTERN + "$");
                    yield "One coin's answers; absent: every coin";
                }
                case "market" -> {
                    schema.pattern(MarketParam.PATTERN).maxLength(105);
                    yield "The market whose scored answers are read; absent: the market the desk trades now";
                }
                case "from", "to" -> "A UTC date (2024-10-01; to includes the whole day) or an instant (2024-10-01T12:00:00Z)";
                case "validation" -> {
                    schema = OASFactory.createSchema().addType(Schema.SchemaType.NUMBER).minimum(BigDecimal.ZERO)
                            .maximum(new BigDecimal(DatasetResource.MAX_VALIDATION))
                            .defaultValue(DatasetResource.DEFAULT_VALIDATION);
                    yield "The newest share of the answers kept for validation";
                }
                case "limit" -> {
                    schema = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(DatasetResource.MAX_LIMIT)).defaultValue(DatasetResource.DEFAULT_LIMIT);
                    yield "At most this many answers, oldest first";
                }
                default -> throw new IllegalStateException("GET /api/ai/dataset has an undocumented parameter "
                        + parameter.getName());
            };
            parameter.setSchema(schema);
            parameter.setDescription(description);
        }
    }

    /** The names a parameter takes (any case), as the check's message lists them (lower case). */
    private static String names(Schema schema, List<String> names, String meaning) {
        schema.enumeration(new java.util.ArrayList<>(names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList()));
        return "Any case: " + meaning;
    }

    /** A backtest request's numbers, names and horizons show the bounds {@link BacktestBounds} checks. */
    private static void documentBacktestBounds(OpenAPI openAPI) {
        Schema request = openAPI.getComponents().getSchemas() == null ? null
                : openAPI.getComponents().getSchemas().get(BACKTEST);
        if (request == null || request.getProperties() == null) {
            throw new IllegalStateException("no " + BACKTEST + " schema in the OpenAPI document to show its bounds on");
        }
        BacktestBounds.NUMBERS.values().forEach(range -> range.document(property(request, range.field())));
        BacktestBounds.NAMES.forEach((field, names) -> property(request, field).enumeration(new java.util.ArrayList<Object>(names))
                .description("One of " + names + " (any case); absent: the service's current setting"));
        Schema horizons = property(request, "horizonsMinutes").minItems(1).maxItems(BacktestBounds.MAX_HORIZONS)
                .uniqueItems(true).description("The scoring horizons in minutes; absent: the service's own");
        horizons.getItems().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(BacktestBounds.MAX_HORIZON_MINUTES));
        for (String field : new String[] { "from", "to" }) {
            property(request, field).format("date-time").maxLength(BacktestBounds.MAX_INSTANT_LENGTH).description(
                    "An ISO-8601 UTC instant on a whole minute, e.g. 2024-10-01T03:00:00Z (from inclusive, to exclusive); "
                            + "candles only. A run replays at most one coin-minute (coins × bars in the range) per "
                            + BacktestBounds.HEAP_BYTES_PER_COIN_MINUTE + " bytes of the service's heap bound (about "
                            + "164,000 under the default -Xmx128m: 3 coins × 38 days, 10 × 11): a longer range is a 400 "
                            + "naming to");
        }
        String ref = property(request, "walkForward").getRef();
        Schema walkForward = ref == null ? null
                : openAPI.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        if (walkForward == null || walkForward.getProperties() == null) {
            throw new IllegalStateException("no WalkForward schema in the OpenAPI document to show its bounds on");
        }
        BigDecimal maxHours = BigDecimal.valueOf(BacktestBounds.MAX_WALK_FORWARD_HOURS);
        for (String hours : new String[] { "trainHours", "testHours", "stepHours", "holdoutHours" }) {
            Schema property = walkForward.getProperties().get(hours);
            if (property == null) {
                throw new IllegalStateException("no property walkForward." + hours + " in the WalkForward schema");
            }
            property.minimum(hours.equals("holdoutHours") ? BigDecimal.ZERO : BigDecimal.ONE).maximum(maxHours);
        }
        walkForward.required(new java.util.ArrayList<>(List.of("trainHours", "testHours")));
        // what a caller names: files of the data directory by relative name, a folder there, an analyzer by URL
        String relative = " (relative to the data directory, SIGNAL_DATA_DIR: no absolute path, no '..', at most "
                + DataDirectory.MAX_NAME + " characters)";
        name(property(request, "outputDir"), "The folder the reports are written to" + relative + "; default backtest");
        name(property(request, "files").getAdditionalPropertiesSchema(),
                "A candle CSV of GET /api/backtest/files" + relative + ", by coin (1-20 letters or digits)");
        name(property(request, "paths").getItems(), "A candle CSV of GET /api/backtest/files" + relative
                + "; the coin is the file name's letters before USDT");
        name(property(request, "captures").getItems(), "A Binance capture (.jsonl or .gz) of GET /api/backtest/files" + relative);
        property(request, "analyzerUrl").format("uri").maxLength(BacktestBounds.MAX_URL).pattern(BacktestBounds.URL_PATTERN)
                .description("The ai-analyzer-service AI and HYBRID runs ask, an http(s) URL with a host; absent: the "
                        + "service's own (quarkus.rest-client.ai-analyzer.url); checked in RULES mode too");
    }

    private static void name(Schema schema, String description) {
        if (schema == null) {
            throw new IllegalStateException("a file or folder name of the " + BACKTEST + " schema has no schema to document");
        }
        schema.maxLength(DataDirectory.MAX_NAME).pattern(DataDirectory.NAME_PATTERN).description(description);
    }

    private static Schema property(Schema schema, String name) {
        Schema property = schema.getProperties().get(name);
        if (property == null) {
            throw new IllegalStateException("no property " + name + " in the " + BACKTEST + " schema");
        }
        return property;
    }

    private static void body(OpenAPI openAPI, String path, java.util.function.Function<PathItem, Operation> method,
            String schema) {
        PathItem item = openAPI.getPaths().getPathItem(path);
        Operation operation = item == null ? null : method.apply(item);
        MediaType json = operation == null || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null ? null
                        : operation.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (json == null) {
            throw new IllegalStateException("no JSON request body on " + path + " to show its schema on");
        }
        json.setSchema(OASFactory.createSchema().ref(schema));
    }
}
