package io.signaldesk.decision.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the ledger refuses writes: a load balancer sends no trader to a desk that cannot record. */
@Readiness
@ApplicationScoped
public class LedgerReadiness implements HealthCheck {

    private final LedgerHealth health;

    LedgerReadiness(LedgerHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        return health.check();
    }
}
