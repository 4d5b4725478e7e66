package io.signaldesk.decision.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.signaldesk.decision.service.ProposalService.ProposalConflict;

/** Narrow translations of exceptions into JSON answers. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String field = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty() ? mismatch.getPath().get(0).getFieldName() : "body";
        return ApiError.badRequest(field, "malformed JSON body: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response conflict(ProposalConflict e) {
        return ApiError.conflict(e.getMessage());
    }
}
