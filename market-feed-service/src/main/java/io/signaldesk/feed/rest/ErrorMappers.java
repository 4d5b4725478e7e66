package io.signaldesk.feed.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.signaldesk.feed.api.ApiError;
import io.vertx.core.http.HttpServerRequest;

/** Every 4xx/5xx in one JSON shape, {"error": ..., "field": ...}: one translation per kind of failure. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return json(Response.Status.BAD_REQUEST.getStatusCode(), JsonErrors.unreadable(e));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /**
     * Failures Quarkus REST answers without a body (404 unknown path, 405, 406, 415, a body that is not JSON)
     * get one; a response that already has a body is kept.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        Response response = e.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = response.getStatus();
        // the status says it all; the exception text is Quarkus's, not a message for the caller
        ApiError body = JsonErrors.forStatus(status, request.method().name(), request.path(),
                response.getAllowedMethods(), request.getHeader(HttpHeaders.CONTENT_TYPE),
                request.getHeader(HttpHeaders.ACCEPT));
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        response.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    /** Anything else is our fault: a 500 that says so without the exception's text; the log has the rest. */
    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        LOG.errorf(e, "%s %s failed", request.method(), request.path());
        return json(500, new ApiError("internal error; the service log has the details", null));
    }

    private static Response json(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
