package io.signaldesk.decision.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.signaldesk.decision.config.ApiKeyConfig;

/** When SIGNAL_API_KEY is set, every mutating /api call must carry it in X-Api-Key (401 JSON otherwise). */
public class ApiKeyFilter {

    static final String HEADER = "X-Api-Key";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ApiKeyConfig config;

    ApiKeyFilter(ApiKeyConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String expected = config.apiKey().filter(k -> !k.isBlank()).orElse(null);
        if (expected == null || !MUTATING.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String given = request.getHeaderString(HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return ApiError.response(Response.Status.UNAUTHORIZED,
                    new ApiError(given == null ? "X-Api-Key header is required" : "X-Api-Key is wrong", HEADER));
        }
        return null;
    }
}
