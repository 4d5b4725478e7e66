package io.signaldesk.decision.engine.port;

/** The ledger refused a write or a read; nothing of it was stored. {@link #why()} says what failed, for people. */
public abstract class LedgerUnavailable extends RuntimeException {

    protected LedgerUnavailable(Throwable cause) {
        super(cause);
    }

    public abstract String why();
}
