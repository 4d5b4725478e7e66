package io.signaldesk.decision.backtest;

import io.signaldesk.common.error.Shorten;
import io.signaldesk.decision.engine.port.LedgerUnavailable;

/**
 * A backtest that could not run for a reason of the service's, not of its request: its scratch ledger (a temporary
 * file) failed, or the run was interrupted as the service stops. A 503 saying which (never a 400 blaming a field); no
 * report is kept.
 */
public class BacktestUnavailable extends RuntimeException {

    private BacktestUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** The run's thread was interrupted (the service is stopping: the job worker's shutdownNow). */
    static BacktestUnavailable interrupted(Throwable cause) {
        return new BacktestUnavailable("the backtest was interrupted: the service is stopping; no report was kept, "
                + "run it again once the service is back", cause);
    }

    /** The run's own scratch ledger (a temporary SQLite file of the service) could not be opened or written. */
    static BacktestUnavailable scratch(LedgerUnavailable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new BacktestUnavailable("the backtest's scratch ledger (a temporary file of the service) failed: "
                + Shorten.text(String.valueOf(root.getMessage())) + "; no report was kept", cause);
    }
}
