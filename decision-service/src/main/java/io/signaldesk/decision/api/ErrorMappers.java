package io.signaldesk.decision.api;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.signaldesk.common.error.ApiError;
import io.signaldesk.decision.backtest.BacktestUnavailable;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.engine.ProposalService.ProposalConflict;

/**
 * The decision service's own failure in the one error shape: a proposal that cannot be confirmed is a 409 (naming
 * the risk limit when one refused it), a failed ledger a 503 naming its cause, a backtest the service could not run a 503 saying why. Bad input, Quarkus's bodiless answers and the unexpected are
 * service-common's {@code ErrorMappers}.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** The ledger failed (disk full, read-only, corrupt, unreachable): a 503 naming the cause; nothing was changed. */
    @ServerExceptionMapper
    public Response ledger(Db.StorageException e) {
        return LedgerError.unavailable(e.fault());
    }

    /** A backtest the service could not run (its scratch ledger failed, the service stopping): a 503 saying why. */
    @ServerExceptionMapper
    public Response backtest(BacktestUnavailable e) {
        LOG.warnf(e, "backtest not run");
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, new ApiError(e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response conflict(ProposalConflict e) {
        return e.refusedBy() == null ? ApiError.conflict(e.getMessage()) : RiskRefusalError.conflict(e);
    }
}
