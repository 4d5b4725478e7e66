package io.signaldesk.analyzer.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.signaldesk.analyzer.client.FeedUnavailableException;
import io.signaldesk.analyzer.client.OllamaUnavailableException;
import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.JsonErrors;

/**
 * The analyzer's own failures in the one error shape: an unreachable dependency is a 503 naming it. Bad input,
 * Quarkus's bodiless answers and the unexpected are service-common's {@code ErrorMappers}.
 */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response feedDown(FeedUnavailableException e) {
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, new ApiError(JsonErrors.withoutClassNames(e.getMessage()), "market"));
    }

    @ServerExceptionMapper
    public Response ollamaDown(OllamaUnavailableException e) {
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, new ApiError(JsonErrors.withoutClassNames(e.getMessage()), null));
    }
}
