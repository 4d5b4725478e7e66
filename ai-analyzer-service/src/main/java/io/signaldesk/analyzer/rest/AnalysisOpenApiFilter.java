package io.signaldesk.analyzer.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.signaldesk.analyzer.domain.CoinBounds;

/**
 * The four analyses in Swagger: JSON is the default answer (listed first, so "Try it out" asks for it), and the
 * Server-Sent Events alternative shows the events it sends (signal, reason, done) instead of the JAX-RS
 * {@code OutboundSseEvent} class it is built with. A coin of a request's market (the trading core's
 * {@code CoinSnapshot}, checked by {@code @ValidCoin}) shows the bounds {@link CoinBounds} checks, which no annotation
 * on the core's record can carry.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AnalysisOpenApiFilter implements OASFilter {

    static final String[] ANALYSES = { "sentiment", "entry", "exit", "risk" };
    static final String JSON = "application/json";
    static final String SSE = "text/event-stream";
    /** The trading core's CoinSnapshot, as SmallRye names its schema. */
    static final String COIN_SCHEMA = "CoinSnapshot";
    static final String EVENTS = """
            event: signal
            data: {"coin":"BTC","enter":true,"confidence":7,"source":"AI","signalMs":1180}

            event: reason
            data: {"text":"Strong buying pressure"}

            event: done
            data: {"type":"ENTRY","result":{...},"source":"AI","latencyMs":1940}
            """;

    @Override
    public Schema filterSchema(Schema schema) {
        decimalsInWords(schema);
        return schema;
    }

    /** Below this step a multipleOf is a count of decimals (@Digits), not a tick size. */
    static final java.math.BigDecimal SMALLEST_STEP = new java.math.BigDecimal("0.000001");

    /**
     * A {@code @Digits} fraction of 18 comes out as {@code multipleOf: 1e-18}, which Swagger UI cannot render (the
     * request's schema reads "Could not render ModelWrapper") and which a JavaScript validator cannot check on a double
     * (95000.1 is not a multiple of 1e-18 in floating point): the count of decimals is said in the description instead.
     */
    static void decimalsInWords(Schema schema) {
        java.math.BigDecimal step = schema.getMultipleOf();
        if (step != null && step.compareTo(SMALLEST_STEP) < 0) {
            schema.setMultipleOf(null);
            String decimals = "At most " + step.stripTrailingZeros().scale() + " decimals.";
            schema.setDescription(schema.getDescription() == null ? decimals : schema.getDescription() + " " + decimals);
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        answersJsonFirst(openAPI);
        documentCoinBounds(openAPI);
    }

    private void answersJsonFirst(OpenAPI openAPI) {
        for (String analysis : ANALYSES) {
            PathItem path = openAPI.getPaths().getPathItem("/api/analysis/" + analysis);
            Operation post = path == null ? null : path.getPOST();
            if (post == null || post.getResponses() == null) {
                continue;
            }
            APIResponse ok = post.getResponses().getAPIResponse("200");
            if (ok == null || ok.getContent() == null || ok.getContent().getMediaTypes() == null) {
                continue;
            }
            Map<String, MediaType> types = ok.getContent().getMediaTypes();
            Content ordered = OASFactory.createContent();
            Map<String, MediaType> byOrder = new LinkedHashMap<>();
            if (types.containsKey(JSON)) {
                byOrder.put(JSON, types.get(JSON));
            }
            byOrder.put(SSE, OASFactory.createMediaType().schema(OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING)
                    .description("The alternative to JSON, asked for with Accept: text/event-stream: Server-Sent Events, "
                            + "the decision first. event signal: the decision's fields as soon as they are known "
                            + "(source, signalMs); event reason: {\"text\": ...} as the model writes it; event done: the "
                            + "same envelope the JSON answer is"))
                    .example(EVENTS));
            types.forEach((type, media) -> byOrder.putIfAbsent(type, media));
            byOrder.forEach(ordered::addMediaType);
            ok.setContent(ordered);
            ok.setDescription("The answer as JSON (default), or as Server-Sent Events with Accept: text/event-stream");
        }
        // the JAX-RS event class no response refers to any more
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            java.util.List.copyOf(openAPI.getComponents().getSchemas().keySet()).stream()
                    .filter(name -> name.contains("OutboundSseEvent"))
                    .forEach(openAPI.getComponents()::removeSchema);
        }
    }

    /** Each bounded field of the CoinSnapshot schema (and of its BookImbalance and TradeFlow) gets its bounds. */
    private static void documentCoinBounds(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        Schema coin = schemas == null ? null : schemas.get(COIN_SCHEMA);
        if (coin == null) {
            throw new IllegalStateException("no " + COIN_SCHEMA + " schema in the OpenAPI document to show its bounds on");
        }
        for (CoinBounds.Bound bound : CoinBounds.BOUNDS) {
            Schema property = coin;
            for (String name : bound.field().split("\\.")) {
                Schema object = resolve(property, schemas);
                property = object == null || object.getProperties() == null ? null : object.getProperties().get(name);
                if (property == null) {
                    throw new IllegalStateException("no property " + bound.field() + " in the " + COIN_SCHEMA + " schema");
                }
            }
            bound.document(property);
        }
    }

    /** A schema as written, or the component it refers to ({@code $ref}, alone or as one of anyOf/oneOf/allOf). */
    private static Schema resolve(Schema schema, Map<String, Schema> schemas) {
        String ref = schema.getRef();
        if (ref == null) {
            for (java.util.List<Schema> any : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
                if (any != null) {
                    ref = any.stream().map(Schema::getRef).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                    if (ref != null) {
                        break;
                    }
                }
            }
        }
        return ref == null ? schema : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
