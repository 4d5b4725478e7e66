package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;

/**
 * The settings a backtest ran with: the service's own at the time it was asked (its decision.* configuration and
 * the run-time mode, confirmation and risk limits), with the request's overrides applied. Percentages are percent.
 */
@RegisterForReflection
public record BacktestSettings(Mode mode, Policy policy, boolean requireConfirmation, int autoMinConfidence,
        long entryCooldownSeconds, BigDecimal momentumPct, BigDecimal bidShare, BigDecimal flowRatio, BigDecimal feePct,
        BigDecimal slippagePct, BigDecimal initialEquity, BigDecimal sizePct, BigDecimal stopLossPct,
        BigDecimal takeProfitPct, long exitCheckEverySeconds, BigDecimal adverseMovePct, List<Integer> horizonsMinutes,
        BigDecimal flatBandPct, RiskLimits risk, String analyzerUrl, Long sentimentEverySeconds, Edge edge) {

    /** The edge gate the run used (strategy.edge.*): its mode, minimum sample, confidence, prior strength, horizon. */
    @RegisterForReflection
    public record Edge(String mode, int minSample, double confidence, double priorStrength, long horizonMinutes) {
    }

    /** Whether the run asks the analyzer's scheduled sentiment (AI, and HYBRID with AGREE, use it; RULES and VETO do not). */
    public boolean usesSentiment() {
        return sentimentEverySeconds != null;
    }
}
