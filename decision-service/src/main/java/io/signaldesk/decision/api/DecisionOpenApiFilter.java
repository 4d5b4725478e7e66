package io.signaldesk.decision.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The request schemas of the bodies the decision service parses itself (strictly: no coercion, unknown fields
 * refused), which SmallRye can only see as a string: the risk limits and the halt's reason, with the bounds
 * {@link RiskBounds} checks, so Swagger UI shows what is accepted.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DecisionOpenApiFilter implements OASFilter {

    static final String LIMITS = "RiskLimitsChange";
    static final String HALT = "HaltRequest";

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
