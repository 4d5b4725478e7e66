package io.signaldesk.decision.engine.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import io.signaldesk.decision.domain.RiskLimits;

/** The risk governor's limits and the fill history its windows count (of one feed market, or all when empty). */
public interface RiskStore {

    Optional<RiskLimits> limits();

    void save(RiskLimits limits, Instant at);

    BigDecimal realizedSince(Instant since, Optional<String> market);

    int entriesSince(Instant since, Optional<String> market);

    Optional<Instant> lastLosingExit(Optional<String> market);

    /** Names the limit that refused a proposal. */
    void markRefused(String proposalId, String limit);
}
