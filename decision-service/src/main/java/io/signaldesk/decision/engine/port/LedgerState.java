package io.signaldesk.decision.engine.port;

/** Whether the ledger can be used yet (migrated and reachable): the engine decides nothing before. */
public interface LedgerState {

    boolean ready();

    /**
     * Whether other decision services may write this ledger too (PostgreSQL): the engine then reads its open positions
     * and pending proposals from the ledger on every use instead of keeping them.
     */
    boolean shared();
}
