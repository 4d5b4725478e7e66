package io.signaldesk.decision.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.signaldesk.decision.ledger.LedgerFault;

/**
 * The 503 body of a call the ledger could not serve: what happened in a trader's words and the cause
 * (disk-full, read-only, corrupt, unavailable); nothing was changed. The service retries and recovers by itself.
 */
public record LedgerError(String error, String cause) {

    static Response unavailable(LedgerFault fault) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", "5")
                .entity(new LedgerError(fault.text() + ": nothing was changed; retry once it recovers (readiness, /api/status)",
                        fault.code()))
                .build();
    }
}
