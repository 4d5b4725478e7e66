package io.signaldesk.analyzer.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request without Content-Type, or without a body whatever its type, is read as JSON: an optional body may
 * simply be left out (no 415), and a missing required one is a 400 naming the body.
 */
public class JsonByDefault {

    @ServerRequestFilter(preMatching = true)
    public void assumeJson(ContainerRequestContext request) {
        boolean noBody = request.getLength() == 0
                || request.getLength() < 0 && request.getHeaderString("Transfer-Encoding") == null;
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null || noBody) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
