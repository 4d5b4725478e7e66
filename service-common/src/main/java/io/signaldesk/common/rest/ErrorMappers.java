package io.signaldesk.common.rest;

import java.util.Comparator;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.error.JsonErrors;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every 4xx/5xx in one JSON shape ({"error", "field"}), one translation per kind of failure: bad input is a 400
 * naming the field, Quarkus's own bodiless answers get a body, anything unexpected is a 500 without internals.
 * A service maps its own failures (a dependency down, a conflict) beside these.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElseThrow();
        String field = field(first.getPropertyPath());
        return ApiError.badRequest(field, field + " " + first.getMessage());
    }

    @ServerExceptionMapper
    public Response badInput(BadInputException e) {
        return ApiError.badRequest(e.field(), JsonErrors.withoutClassNames(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, JsonErrors.describe(e));
    }

    /** More specific than Quarkus's own mapper for it, which answers Java class names. */
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
        return ApiError.response(500, new ApiError("internal error; the service log has the details", null));
    }

    /** "entry.request.price" -> "price"; the body itself -> "body". */
    static String field(Path path) {
        var nodes = StreamSupport.stream(path.spliterator(), false).toList();
        if (nodes.size() <= 2) {
            return "body";
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes.subList(2, nodes.size())) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }
}
