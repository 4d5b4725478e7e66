package io.signaldesk.decision.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every 4xx: what is wrong and, for bad input, which field. */
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

    static Response response(Response.Status status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
