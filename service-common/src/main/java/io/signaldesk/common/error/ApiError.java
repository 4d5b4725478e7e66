package io.signaldesk.common.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of every 4xx/5xx in the three services: what is wrong and, when one input is to blame, which (absent otherwise). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {

    public static Response badRequest(String field, String error) {
        return response(Response.Status.BAD_REQUEST, new ApiError(error, field));
    }

    public static Response notFound(String error) {
        return response(Response.Status.NOT_FOUND, new ApiError(error, null));
    }

    public static Response conflict(String error) {
        return response(Response.Status.CONFLICT, new ApiError(error, null));
    }

    public static Response response(Response.Status status, ApiError body) {
        return response(status.getStatusCode(), body);
    }

    public static Response response(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
