package io.signaldesk.decision.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.signaldesk.decision.service.ProposalService.ProposalConflict;

/** Narrow translations of exceptions into JSON answers. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, JsonErrors.describe(e));
    }

    /** More specific than Quarkus's own mapper for it, which answers Java class names. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return malformedJson(e);
    }

    /** Quarkus REST wraps a body it cannot parse in a bare 400; give it the JSON body. Others keep their response. */
    @ServerExceptionMapper
    public Response unreadable(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json && e.getResponse().getStatus() == 400) {
            return malformedJson(json);
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ProposalConflict e) {
        return e.refusedBy() == null ? ApiError.conflict(e.getMessage()) : RiskRefusalError.conflict(e);
    }
}
