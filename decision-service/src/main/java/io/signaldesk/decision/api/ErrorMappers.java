package io.signaldesk.decision.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.engine.ProposalService.ProposalConflict;

/**
 * The decision service's own failure in the one error shape: a proposal that cannot be confirmed is a 409 (naming
 * the risk limit when one refused it), a failed ledger a 503 naming its cause. Bad input, Quarkus's bodiless answers and the unexpected are
 * service-common's {@code ErrorMappers}.
 */
public class ErrorMappers {

    /** The ledger failed (disk full, read-only, corrupt, unreachable): a 503 naming the cause; nothing was changed. */
    @ServerExceptionMapper
    public Response ledger(Db.StorageException e) {
        return LedgerError.unavailable(e.fault());
    }

    @ServerExceptionMapper
    public Response conflict(ProposalConflict e) {
        return e.refusedBy() == null ? ApiError.conflict(e.getMessage()) : RiskRefusalError.conflict(e);
    }
}
