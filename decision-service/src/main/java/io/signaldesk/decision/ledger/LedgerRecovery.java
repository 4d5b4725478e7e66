package io.signaldesk.decision.ledger;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.signaldesk.decision.engine.RiskService;

/**
 * Brings the ledger back by itself: while a halt or resume is not yet written it is written again; while the ledger
 * is failing and nothing else writes, a small write (the time of the check) tells when it takes writes again.
 */
@ApplicationScoped
public class LedgerRecovery {

    private final RiskService risk;
    private final LedgerHealth health;
    private final LedgerRepository settings;
    private final DatabaseInitializer database;
    private final Clock clock;

    LedgerRecovery(RiskService risk, LedgerHealth health, LedgerRepository settings, DatabaseInitializer database,
            Clock clock) {
        this.risk = risk;
        this.health = health;
        this.settings = settings;
        this.database = database;
        this.clock = clock;
    }

    @Scheduled(every = "${decision.db.retry-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (!database.ready()) {
            return;
        }
        if (!risk.halt().durable()) {
            risk.persistHalt();
        } else if (health.failure().isPresent()) {
            try {
                settings.saveSetting("ledger-checked-at", clock.instant().toString());
            } catch (Db.StorageException e) {
                // still failing: LedgerHealth keeps the fault; the next run tries again
            }
        }
    }
}
