package io.signaldesk.common.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.common.error.ApiError;

/**
 * When SIGNAL_API_KEY is set, every mutating call (POST, PUT, PATCH, DELETE) under {@code signal.api-key-paths}
 * must carry it in X-Api-Key (401 JSON otherwise); everything else stays open.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-Api-Key";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final String expected;
    private final List<String> guarded;

    ApiKeyFilter(SignalConfig config) {
        this.expected = config.apiKey().filter(k -> !k.isBlank()).orElse(null);
        this.guarded = config.apiKeyPaths().orElse(List.of()).stream()
                .map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p).toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (expected == null || !MUTATING.contains(request.getMethod()) || !guards(request.getUriInfo().getPath())) {
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

    private boolean guards(String path) {
        return guarded.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }
}
