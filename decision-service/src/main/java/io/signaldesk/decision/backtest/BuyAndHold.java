package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;

/**
 * The buy-and-hold baseline: the initial equity split evenly across the coins, each bought at the
 * first bar's close and sold at the last bar's close, with the same fee and slippage as the strategy
 * (one entry fill and one exit fill per coin); marked at every close for the drawdown.
 */
@RegisterForReflection
public record BuyAndHold(Map<String, BigDecimal> returnPctByCoin, BigDecimal finalEquity, BigDecimal returnPct,
        BigDecimal maxDrawdownPct) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static BuyAndHold of(AlignedCandles data, BacktestSettings settings) {
        FeeModel fees = new FeeModel(settings.feePct(), settings.slippagePct());
        int coins = data.coins().size();
        int last = data.bars() - 1;
        BigDecimal share = settings.initialEquity().divide(BigDecimal.valueOf(coins), 8, RoundingMode.DOWN);
        BigDecimal cash = settings.initialEquity();
        Map<String, BigDecimal> qty = new LinkedHashMap<>();
        Map<String, BigDecimal> entry = new LinkedHashMap<>();
        for (String coin : data.coins()) {
            BigDecimal price = fees.fillPrice(ProposalKind.ENTRY, PositionSide.LONG, data.close(coin, 0));
            // the fee comes out of the coin's share, so the buy never spends more than the share
            BigDecimal spend = share.multiply(HUNDRED).divide(HUNDRED.add(settings.feePct()), 8, RoundingMode.DOWN);
            BigDecimal q = spend.divide(price, 6, RoundingMode.DOWN);
            qty.put(coin, q);
            entry.put(coin, price);
            cash = cash.subtract(q.multiply(price)).subtract(fees.fee(q, price));
        }
        BigDecimal peak = null;
        BigDecimal maxDrawdownPct = BigDecimal.ZERO;
        for (int i = 0; i < data.bars(); i++) {
            BigDecimal equity = cash;
            for (String coin : data.coins()) {
                equity = equity.add(qty.get(coin).multiply(data.close(coin, i)));
            }
            peak = peak == null || equity.compareTo(peak) > 0 ? equity : peak;
            BigDecimal drawdownPct = peak.subtract(equity).multiply(HUNDRED).divide(peak, 4, RoundingMode.HALF_UP);
            maxDrawdownPct = drawdownPct.max(maxDrawdownPct);
        }
        Map<String, BigDecimal> returns = new LinkedHashMap<>();
        BigDecimal finalEquity = cash;
        for (String coin : data.coins()) {
            BigDecimal exit = fees.fillPrice(ProposalKind.EXIT, PositionSide.LONG, data.close(coin, last));
            BigDecimal proceeds = qty.get(coin).multiply(exit).subtract(fees.fee(qty.get(coin), exit));
            BigDecimal cost = qty.get(coin).multiply(entry.get(coin)).add(fees.fee(qty.get(coin), entry.get(coin)));
            finalEquity = finalEquity.add(proceeds);
            returns.put(coin, cost.signum() == 0 ? null
                    : proceeds.subtract(cost).multiply(HUNDRED).divide(cost, 4, RoundingMode.HALF_UP));
        }
        BigDecimal returnPct = finalEquity.subtract(settings.initialEquity()).multiply(HUNDRED)
                .divide(settings.initialEquity(), 4, RoundingMode.HALF_UP);
        return new BuyAndHold(returns, finalEquity.setScale(2, RoundingMode.HALF_UP), returnPct, maxDrawdownPct);
    }
}
