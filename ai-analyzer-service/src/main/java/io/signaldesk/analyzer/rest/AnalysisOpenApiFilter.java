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

/**
 * The four analyses in Swagger: JSON is the default answer (listed first, so "Try it out" asks for it), and the
 * Server-Sent Events alternative shows the events it sends (signal, reason, done) instead of the JAX-RS
 * {@code OutboundSseEvent} class it is built with.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AnalysisOpenApiFilter implements OASFilter {

    static final String[] ANALYSES = { "sentiment", "entry", "exit", "risk" };
    static final String JSON = "application/json";
    static final String SSE = "text/event-stream";
    static final String EVENTS = """
            event: signal
            data: {"coin":"BTC","enter":true,"confidence":7,"source":"AI","signalMs":1180}

            event: reason
            data: {"text":"Strong buying pressure"}

            event: done
            data: {"type":"ENTRY","result":{...},"source":"AI","latencyMs":1940}
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
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
}
