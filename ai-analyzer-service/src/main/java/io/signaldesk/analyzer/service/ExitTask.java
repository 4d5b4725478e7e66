package io.signaldesk.analyzer.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.signaldesk.analyzer.ai.MarketPrompt;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.ExitResult;
import io.signaldesk.analyzer.domain.ModelRecord;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.PositionSide;

/**
 * Whether to hold or close an open position on one coin. {@code asOf} is the market's time of the snapshot (market
 * time in a replay or backtest): the position's age is measured on it, never on this machine's clock. {@code record}
 * (optional) is the model's own record on this setup.
 */
public record ExitTask(CoinSnapshot coin, PositionSide side, BigDecimal entryPrice, BigDecimal currentPrice,
        BigDecimal size, Instant openedAt, Instant asOf, ModelRecord record) implements AnalysisTask<ExitResult> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ExitTask(CoinSnapshot coin, PositionSide side, BigDecimal entryPrice, BigDecimal currentPrice,
            BigDecimal size, Instant openedAt, Instant asOf) {
        this(coin, side, entryPrice, currentPrice, size, openedAt, asOf, null);
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.EXIT;
    }

    @Override
    public Class<ExitResult> resultType() {
        return ExitResult.class;
    }

    /** Profit (positive) or loss of the position in percent of the entry price. */
    public BigDecimal pnlPct() {
        BigDecimal move = currentPrice.subtract(entryPrice).multiply(HUNDRED).divide(entryPrice, MathContext.DECIMAL64);
        return side == PositionSide.LONG ? move : move.negate();
    }

    @Override
    public String question() {
        String position = side + (size == null ? "" : " " + size.toPlainString())
                + " from " + MarketPrompt.price(entryPrice) + MarketPrompt.nowPrice(currentPrice, coin)
                + " (" + MarketPrompt.signedPct(pnlPct()) + ")"
                + (openedAt == null || asOf == null ? "" : ", open " + Math.max(0, Duration.between(openedAt, asOf).toMinutes()) + " min");
        return Prompts.exit(position, Prompts.record(record) + MarketPrompt.render(List.of(coin)));
    }

    @Override
    public List<String> coinNames() {
        return List.of(coin.coin());
    }

    @Override
    public ExitResult byRules(RuleBasedAnalyzer rules) {
        return rules.exit(coin, side, entryPrice, currentPrice, pnlPct());
    }
}
