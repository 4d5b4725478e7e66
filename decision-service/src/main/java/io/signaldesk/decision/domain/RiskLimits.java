package io.signaldesk.decision.domain;

import java.math.BigDecimal;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the risk governor allows. Percents are of equity (the daily loss limit: of the initial equity);
 * each component's name is the one a refusal or resize reports in {@code refusedBy} / {@code resizedBy}.
 *
 * @param maxPositionPct        largest notional of one position, percent of equity (0-100]
 * @param maxOpenPositions      open positions at most (1-50)
 * @param maxGrossExposurePct   sum of open notionals plus the new one, percent of equity (0-100]
 * @param dailyLossLimitPct     no entry once today's (UTC) realised plus open unrealised P&L lost this much (0-100]
 * @param lossCooldownSeconds   no entry for this long after an exit that lost money (0-86400)
 * @param maxEntriesPerHour     entry fills in the last 60 minutes at most (1-1000)
 * @param safeModeAfterFailures consecutive model failures or fallbacks that switch safe mode on (1-100)
 * @param maxSlippagePct        an entry is refused when the price moved more than this from the proposal's (0-10]
 */
@RegisterForReflection
public record RiskLimits(BigDecimal maxPositionPct, int maxOpenPositions, BigDecimal maxGrossExposurePct,
        BigDecimal dailyLossLimitPct, int lossCooldownSeconds, int maxEntriesPerHour, int safeModeAfterFailures,
        BigDecimal maxSlippagePct) {

    public RiskLimits {
        Objects.requireNonNull(maxPositionPct, "maxPositionPct");
        Objects.requireNonNull(maxGrossExposurePct, "maxGrossExposurePct");
        Objects.requireNonNull(dailyLossLimitPct, "dailyLossLimitPct");
        Objects.requireNonNull(maxSlippagePct, "maxSlippagePct");
    }
}
