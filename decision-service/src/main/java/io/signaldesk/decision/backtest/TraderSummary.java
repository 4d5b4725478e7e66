package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import io.signaldesk.core.evaluation.Expectancy;

/**
 * What a trader reads under the verdict, from the report's own figures: the period in days, closed trades a day,
 * average win and loss and the profit factor (gross won over gross lost, realised after both fees), the expectancy
 * of a closed trade in the quote currency and, from the evaluation, in % of its notional with its interval.
 * Null where there is nothing to divide by (no winner, no loser, no trade).
 */
record TraderSummary(BigDecimal days, int trades, BigDecimal tradesPerDay, int wins, int losses, BigDecimal averageWin,
        BigDecimal averageLoss, BigDecimal profitFactor, BigDecimal expectancy, Expectancy expectancyPct) {

    private static final BigDecimal SECONDS_A_DAY = BigDecimal.valueOf(86_400);

    static TraderSummary of(BacktestReport r) {
        BacktestReport.Paper p = r.paper();
        long seconds = r.from() == null || r.to() == null ? 0 : Duration.between(r.from(), r.to()).getSeconds();
        BigDecimal days = seconds <= 0 ? null : BigDecimal.valueOf(seconds).divide(SECONDS_A_DAY, 6, RoundingMode.HALF_EVEN);
        BigDecimal perDay = seconds <= 0 ? null
                : BigDecimal.valueOf(p.trades()).multiply(SECONDS_A_DAY).divide(BigDecimal.valueOf(seconds), 2, RoundingMode.HALF_EVEN);
        BigDecimal averageWin = p.wins() == 0 ? null : p.grossProfit().divide(BigDecimal.valueOf(p.wins()), 8, RoundingMode.HALF_EVEN);
        BigDecimal averageLoss = p.losses() == 0 ? null : p.grossLoss().divide(BigDecimal.valueOf(p.losses()), 8, RoundingMode.HALF_EVEN);
        BigDecimal profitFactor = p.grossLoss().signum() == 0 ? null
                : p.grossProfit().divide(p.grossLoss().negate(), 2, RoundingMode.HALF_EVEN);
        BigDecimal expectancy = p.trades() == 0 ? null
                : p.grossProfit().add(p.grossLoss()).divide(BigDecimal.valueOf(p.trades()), 8, RoundingMode.HALF_EVEN);
        return new TraderSummary(days, p.trades(), perDay, p.wins(), p.losses(), averageWin, averageLoss, profitFactor,
                expectancy, r.evaluation() == null ? null : r.evaluation().overall().expectancy());
    }
}
