package io.signaldesk.common.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.Shorten;

/**
 * Every mutating call (POST, PUT, PATCH, DELETE), key or no key: refused (403) when a browser says it comes from
 * another site ({@code Sec-Fetch-Site: cross-site/same-site}, or an {@code Origin} that is not this service nor one
 * of {@code signal.http.allowed-origins}), and a body must be JSON (415 otherwise). A page elsewhere can then neither
 * send a form or text/plain POST (no preflight) nor a fetch that carries its Origin; curl and the services' own
 * clients send no Origin and are served as before.
 */
public class SameOriginWrites {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SAME = Set.of("same-origin", "none");

    private final List<String> allowed;

    SameOriginWrites(SignalConfig config) {
        this.allowed = config.http().allowedOrigins().orElse(List.of()).stream()
                .map(o -> o.strip().toLowerCase(Locale.ROOT)).map(SameOriginWrites::withoutSlash).toList();
    }

    @ServerRequestFilter(preMatching = true, priority = 500)
    public Response check(ContainerRequestContext request) {
        if (!MUTATING.contains(request.getMethod())) {
            return null;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !SAME.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return forbidden("Sec-Fetch-Site", "cross-site request refused (Sec-Fetch-Site: " + shorten(fetchSite) + ")");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            return forbidden("Origin", "cross-site request refused: Origin " + shorten(origin) + " is not this service");
        }
        if (hasBody(request) && !json(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            return ApiError.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, new ApiError("Content-Type must be "
                    + "application/json, got " + Shorten.text(request.getHeaderString(HttpHeaders.CONTENT_TYPE)),
                    "Content-Type"));
        }
        return null;
    }

    private boolean sameOrigin(String origin, ContainerRequestContext request) {
        String given = withoutSlash(origin.strip().toLowerCase(Locale.ROOT));
        if (allowed.contains(given)) {
            return true;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host == null || given.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(given);
            String authority = uri.getRawAuthority();
            String scheme = uri.getScheme();
            if (authority == null || scheme == null) {
                return false;
            }
            String self = host.strip().toLowerCase(Locale.ROOT);
            return authority.equals(self) || authority.equals(withDefaultPort(self, scheme))
                    || withDefaultPort(authority, scheme).equals(self);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withDefaultPort(String authority, String scheme) {
        if (authority.matches(".*:\\d+$") && !authority.endsWith("]")) {
            return authority;
        }
        return authority + (scheme.equals("https") ? ":443" : ":80");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    /** application/json or any +json type, parameters (charset) allowed. */
    private static boolean json(String contentType) {
        if (contentType == null) {
            return true; // read as JSON (JsonByDefault)
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return type.getType().equalsIgnoreCase("application")
                    && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response forbidden(String field, String error) {
        return ApiError.response(Response.Status.FORBIDDEN, new ApiError(error, field));
    }

    private static String withoutSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    private static String shorten(String text) {
        return Shorten.text(text);
    }
}
