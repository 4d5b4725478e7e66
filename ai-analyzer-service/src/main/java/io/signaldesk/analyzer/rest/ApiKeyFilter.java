package io.signaldesk.analyzer.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.signaldesk.analyzer.config.SignalConfig;

/**
 * When SIGNAL_API_KEY is set, the analyzer's controls (every mutating /api/ai call: mode, model switch, metrics
 * session reset, evaluate) must carry it in X-Api-Key, as decision-service's mutating endpoints do (401 JSON
 * otherwise). The analyses stay open: decision-service asks for them.
 */
public class ApiKeyFilter {

    static final String HEADER = "X-Api-Key";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final SignalConfig config;

    ApiKeyFilter(SignalConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String expected = config.apiKey().filter(k -> !k.isBlank()).orElse(null);
        String path = request.getUriInfo().getPath();
        if (expected == null || !MUTATING.contains(request.getMethod())
                || !(path.startsWith("/api/ai/") || path.equals("/api/ai"))) {
            return null;
        }
        String given = request.getHeaderString(HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(given == null ? "X-Api-Key header is required" : "X-Api-Key is wrong", HEADER))
                    .build();
        }
        return null;
    }
}
