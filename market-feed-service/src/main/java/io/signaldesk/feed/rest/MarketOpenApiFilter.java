package io.signaldesk.feed.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.signaldesk.core.market.Coin;

/**
 * The market endpoints' parameters show the bounds {@link MarketResource} checks them against: the coin's pattern and
 * the integer range and default of depth and limit (read as text so that a bad one is a 400 naming it, which is why
 * SmallRye can only see a string).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class MarketOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, BoundedParam> bounded = Map.of("/api/market/book/{coin}", MarketResource.DEPTH,
                "/api/market/trades/{coin}", MarketResource.LIMIT);
        for (String path : new String[] { "/api/market/snapshot/{coin}", "/api/market/book/{coin}", "/api/market/trades/{coin}" }) {
            PathItem item = openAPI.getPaths().getPathItem(path);
            if (item == null || item.getGET() == null || item.getGET().getParameters() == null) {
                throw new IllegalStateException("no GET " + path + " with parameters to show their bounds on");
            }
            for (Parameter parameter : item.getGET().getParameters()) {
                if (parameter.getName().equals("coin")) {
                    parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .pattern("^" + Coin.PATTERN + "$"));
                } else if (bounded.containsKey(path) && parameter.getName().equals(bounded.get(path).name())) {
                    parameter.setSchema(bounded.get(path).schema());
                }
            }
        }
    }
}
