package io.signaldesk.analyzer.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.analyzer.ai.MarketPrompt;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.common.config.StrategyConfig;
import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.ExitAction;
import io.signaldesk.analyzer.domain.ExitResult;
import io.signaldesk.analyzer.domain.RiskResult;
import io.signaldesk.analyzer.domain.Sentiment;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.core.exit.ExitPolicy;
import io.signaldesk.core.exit.ExitSettings;
import io.signaldesk.core.exit.ExitTrigger;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.rules.RuleSignal;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;

/**
 * The labelled rules answers, used in RULES mode and for every fallback, so they must never fail. They are the
 * trading core's {@link TradingRules} and {@link ExitPolicy} with the strategy's thresholds and stop/target
 * ({@code strategy.rules.*}, {@code strategy.exit.*}: service-common's StrategyConfig, which the decision service reads
 * too): a rules answer says what the engine's own rules say on the same snapshot, through the same entry
 * ({@code TradingRules.evaluate(CoinSnapshot)}: a candle snapshot is decided on its momentum alone, as the engine
 * decides it). Only the risk answer's sizing is the analyzer's own.
 */
@ApplicationScoped
public class RuleBasedAnalyzer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AnalyzerConfig.Rules risk;
    private final TradingRules rules;
    private final ExitPolicy exits;

    public RuleBasedAnalyzer(AnalyzerConfig config, StrategyConfig strategy) {
        this.risk = config.rules();
        StrategySettings settings = strategy.settings();
        this.rules = new TradingRules(settings.rules());
        this.exits = new ExitPolicy(settings.exits());
    }

    /** The rules in force (for tests and the status line). */
    public TradingRules rules() {
        return rules;
    }

    /**
     * The coin with the strongest rules signal: a LONG or SHORT before any WAIT, then the higher confidence, then the
     * stronger momentum, then the order given.
     */
    public SentimentResult sentiment(List<CoinSnapshot> coins) {
        record Evaluated(CoinSnapshot coin, RuleSignal signal) {
        }
        Evaluated best = coins.stream().map(c -> new Evaluated(c, rules.evaluate(c)))
                .max(Comparator.comparingInt((Evaluated e) -> e.signal().direction() == Direction.WAIT ? 0 : 1)
                        .thenComparingInt(e -> e.signal().confidence())
                        .thenComparing(e -> abs(e.coin().momentum60sPct())))
                .orElseThrow(() -> new IllegalArgumentException("no coin to analyse"));
        Direction direction = best.signal().direction();
        Sentiment sentiment = switch (direction) {
            case LONG -> Sentiment.BULLISH;
            case SHORT -> Sentiment.BEARISH;
            case WAIT -> Sentiment.NEUTRAL;
        };
        return new SentimentResult(sentiment, best.signal().confidence(), direction, best.coin().coin(),
                facts(best.coin(), best.signal()));
    }

    /** Enter when the rules give this side now; the confidence is the rules' own (5 when they wait). */
    public EntryResult entry(CoinSnapshot coin, PositionSide side) {
        RuleSignal signal = rules.evaluate(coin);
        boolean enter = signal.direction() == side.direction();
        return new EntryResult(enter, signal.confidence(),
                (enter ? "Rules back " : "Rules do not back ") + side + ": " + facts(coin, signal));
    }

    /**
     * Close at the paper trader's stop-loss or take-profit (levels from the entry price, as the engine sets them), or
     * when the rules turned to the opposite side; hold otherwise.
     */
    public ExitResult exit(CoinSnapshot coin, PositionSide side, BigDecimal entryPrice, BigDecimal currentPrice,
            BigDecimal pnlPct) {
        String pnl = MarketPrompt.signedPct(pnlPct);
        ExitTrigger trigger = ExitPolicy.stopOrTarget(side, exits.stopPrice(side, entryPrice),
                exits.targetPrice(side, entryPrice), currentPrice).orElse(null);
        if (trigger == ExitTrigger.STOP_LOSS) {
            return new ExitResult(ExitAction.CLOSE, 9, "Loss " + pnl + " reached the stop-loss.");
        }
        if (trigger == ExitTrigger.TAKE_PROFIT) {
            return new ExitResult(ExitAction.CLOSE, 8, "Gain " + pnl + " reached the take-profit.");
        }
        RuleSignal signal = rules.evaluate(coin);
        if (signal.direction() == side.opposite().direction()) {
            return new ExitResult(ExitAction.CLOSE, signal.confidence(), "Market turned against " + side + " at "
                    + pnl + ": " + facts(coin, signal));
        }
        return new ExitResult(ExitAction.HOLD, signal.confidence(), "Holding at " + pnl + ": " + facts(coin, signal));
    }

    /**
     * Stop at a multiple of volatility (within bounds); size so that hitting it loses the per-trade risk, halved when
     * the rules give the other side.
     */
    public RiskResult risk(CoinSnapshot coin, PositionSide side) {
        BigDecimal volatility = coin.volatility60sPct() == null ? BigDecimal.ZERO : coin.volatility60sPct().abs();
        BigDecimal stop = volatility.multiply(risk.stopVolatilityMultiple())
                .max(risk.minStopLossPct()).min(risk.maxStopLossPct()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal size = risk.riskPerTradePct().multiply(HUNDRED).divide(stop, MathContext.DECIMAL64)
                .min(risk.maxPositionPct()).setScale(2, RoundingMode.HALF_UP);
        RuleSignal signal = rules.evaluate(coin);
        boolean against = signal.direction() == side.opposite().direction();
        if (against) {
            size = size.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        }
        return new RiskResult(size, stop, signal.confidence(),
                "Stop " + stop.toPlainString() + "% from volatility, size risks " + risk.riskPerTradePct().toPlainString()
                        + "% of equity" + (against ? ", halved against the rules." : "."));
    }

    private static BigDecimal abs(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.abs();
    }

    private static String facts(CoinSnapshot coin, RuleSignal signal) {
        return coin.coin() + " " + signal.reason() + ".";
    }
}
