package io.signaldesk.decision.engine.port;

/** Whether the ledger can be used yet (migrated and reachable): the engine decides nothing before. */
public interface LedgerState {

    boolean ready();
}
