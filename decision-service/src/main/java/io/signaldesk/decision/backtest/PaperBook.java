package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.domain.ProposalKind;
import io.signaldesk.decision.domain.Side;
import io.signaldesk.decision.service.PaperMath;

/**
 * Paper trading over candles with the live ledger's arithmetic ({@link PaperMath}): fills at the bar's
 * close moved against us by the slippage, a fee on each fill's notional, size a percentage of the
 * realised equity, stop-loss and take-profit checked at each close. Equity is marked at every close
 * (realised cash plus open positions' gross P&L) for the drawdown.
 */
public final class PaperBook {

    /** Totals of the run. */
    @RegisterForReflection
    public record Summary(BigDecimal initialEquity, BigDecimal finalEquity, BigDecimal netPnl, BigDecimal returnPct,
            BigDecimal fees, int trades, int wins, BigDecimal winRate, BigDecimal maxDrawdown,
            BigDecimal maxDrawdownPct, Map<String, BigDecimal> netPnlByCoin, Map<String, Integer> exitsByReason) {
    }

    private record Open(Side side, Instant openedAt, BigDecimal entryPrice, BigDecimal qty, BigDecimal entryFee,
            BigDecimal stopPrice, BigDecimal targetPrice) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal initialEquity;
    private final BigDecimal feePct;
    private final BigDecimal slippagePct;
    private final BigDecimal sizePct;
    private final BigDecimal stopLossPct;
    private final BigDecimal takeProfitPct;
    private final Map<String, Open> open = new HashMap<>();
    private final List<BacktestTrade> trades = new ArrayList<>();
    private BigDecimal cash;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal peak;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private BigDecimal maxDrawdownPct = BigDecimal.ZERO;

    public PaperBook(BigDecimal initialEquity, BigDecimal feePct, BigDecimal slippagePct, BigDecimal sizePct,
            BigDecimal stopLossPct, BigDecimal takeProfitPct) {
        this.initialEquity = initialEquity;
        this.feePct = feePct;
        this.slippagePct = slippagePct;
        this.sizePct = sizePct;
        this.stopLossPct = stopLossPct;
        this.takeProfitPct = takeProfitPct;
        this.cash = initialEquity;
        this.peak = initialEquity;
    }

    public boolean holds(String coin) {
        return open.containsKey(coin);
    }

    public Side side(String coin) {
        return open.get(coin).side();
    }

    public void open(String coin, Side side, BigDecimal mark, Instant at) {
        BigDecimal price = PaperMath.fillPrice(ProposalKind.ENTRY, side, mark, slippagePct);
        BigDecimal qty = PaperMath.quantity(cash, sizePct, price);
        if (qty.signum() <= 0) {
            return;
        }
        BigDecimal fee = PaperMath.fee(qty, price, feePct);
        cash = cash.subtract(fee);
        fees = fees.add(fee);
        open.put(coin, new Open(side, at, price, qty, fee, PaperMath.offset(price, side, stopLossPct, true),
                PaperMath.offset(price, side, takeProfitPct, false)));
    }

    /** Closes at the stop or the target when this close reached it; true when it did. */
    public boolean closeOnStopOrTarget(String coin, BigDecimal mark, Instant at) {
        Open position = open.get(coin);
        boolean isLong = position.side() == Side.LONG;
        if (isLong ? mark.compareTo(position.stopPrice()) <= 0 : mark.compareTo(position.stopPrice()) >= 0) {
            close(coin, mark, at, "STOP_LOSS");
            return true;
        }
        if (isLong ? mark.compareTo(position.targetPrice()) >= 0 : mark.compareTo(position.targetPrice()) <= 0) {
            close(coin, mark, at, "TAKE_PROFIT");
            return true;
        }
        return false;
    }

    public void close(String coin, BigDecimal mark, Instant at, String reason) {
        Open position = open.remove(coin);
        BigDecimal price = PaperMath.fillPrice(ProposalKind.EXIT, position.side(), mark, slippagePct);
        BigDecimal fee = PaperMath.fee(position.qty(), price, feePct);
        BigDecimal gross = PaperMath.grossPnl(position.side(), position.entryPrice(), price, position.qty());
        cash = cash.add(gross).subtract(fee);
        fees = fees.add(fee);
        trades.add(new BacktestTrade(coin, position.side(), position.openedAt(), at, position.entryPrice(), price,
                position.qty(), position.entryFee().add(fee), gross.subtract(position.entryFee()).subtract(fee), reason));
    }

    /** Marks every open position at {@code closes} and updates the drawdown. */
    public void mark(Map<String, BigDecimal> closes) {
        BigDecimal equity = cash;
        for (Map.Entry<String, Open> entry : open.entrySet()) {
            Open position = entry.getValue();
            equity = equity.add(PaperMath.grossPnl(position.side(), position.entryPrice(), closes.get(entry.getKey()),
                    position.qty()));
        }
        if (equity.compareTo(peak) > 0) {
            peak = equity;
        }
        BigDecimal drawdown = peak.subtract(equity);
        if (drawdown.compareTo(maxDrawdown) > 0) {
            maxDrawdown = drawdown;
            maxDrawdownPct = drawdown.multiply(HUNDRED).divide(peak, 4, RoundingMode.HALF_UP);
        }
    }

    public List<String> openCoins() {
        return List.copyOf(open.keySet());
    }

    public List<BacktestTrade> trades() {
        return List.copyOf(trades);
    }

    public Summary summary() {
        int wins = (int) trades.stream().filter(t -> t.netPnl().signum() > 0).count();
        Map<String, BigDecimal> byCoin = new java.util.TreeMap<>();
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        for (BacktestTrade trade : trades) {
            byCoin.merge(trade.coin(), trade.netPnl(), BigDecimal::add);
            byReason.merge(trade.exitReason(), 1, Integer::sum);
        }
        BigDecimal net = cash.subtract(initialEquity);
        return new Summary(initialEquity, cash, net, net.multiply(HUNDRED).divide(initialEquity, 4, RoundingMode.HALF_UP),
                fees, trades.size(), wins,
                trades.isEmpty() ? null : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trades.size()), 4, RoundingMode.HALF_UP),
                maxDrawdown, maxDrawdownPct, byCoin, byReason);
    }
}
