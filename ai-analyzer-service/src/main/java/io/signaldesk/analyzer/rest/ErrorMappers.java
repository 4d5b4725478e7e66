package io.signaldesk.analyzer.rest;

import java.util.Comparator;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.signaldesk.analyzer.client.FeedUnavailableException;
import io.signaldesk.analyzer.client.OllamaUnavailableException;

/** One translation per failure: bad input is a 400 naming the field, an unreachable dependency a 503 naming it. */
public class ErrorMappers {

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> invalid(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElseThrow();
        String field = field(first.getPropertyPath());
        return RestResponse.status(Response.Status.BAD_REQUEST, new ErrorResponse(field + " " + first.getMessage(), field));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unreadable(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? "body" : e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
        return RestResponse.status(Response.Status.BAD_REQUEST,
                new ErrorResponse(field + " has a wrong type or value: " + e.getOriginalMessage().lines().findFirst().orElse(""), field));
    }

    /** Quarkus REST wraps unparseable JSON in a bare 400; give it a body. Other web exceptions keep their response. */
    @ServerExceptionMapper
    public Response malformed(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json && e.getResponse().getStatus() == 400) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse("body is not valid JSON: "
                            + json.getOriginalMessage().lines().findFirst().orElse(""), "body")).build();
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> unknownCoin(InvalidRequestException e) {
        return RestResponse.status(Response.Status.BAD_REQUEST, new ErrorResponse(e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> feedDown(FeedUnavailableException e) {
        return RestResponse.status(Response.Status.SERVICE_UNAVAILABLE, new ErrorResponse(e.getMessage(), "market"));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorResponse> ollamaDown(OllamaUnavailableException e) {
        return RestResponse.status(Response.Status.SERVICE_UNAVAILABLE, new ErrorResponse(e.getMessage(), null));
    }

    /** "entry.request.price" -> "price"; the body itself -> "body". */
    private static String field(Path path) {
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
