package io.signaldesk.decision.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.signaldesk.decision.engine.ProposalService.ProposalConflict;

/** The 409 body of a confirmation the risk governor refused: the usual error plus the limit that fired. */
public record RiskRefusalError(String error, String refusedBy) {

    static Response conflict(ProposalConflict e) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(new RiskRefusalError(e.getMessage(), e.refusedBy())).build();
    }
}
