package io.signaldesk.analyzer.service;

import java.math.BigDecimal;
import java.util.List;

import io.signaldesk.analyzer.ai.MarketPrompt;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.RiskResult;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.PositionSide;

/** Position size and stop-loss before a trade on one coin. */
public record RiskTask(CoinSnapshot coin, PositionSide side, BigDecimal price, BigDecimal equity)
        implements AnalysisTask<RiskResult> {

    @Override
    public AnalysisType type() {
        return AnalysisType.RISK;
    }

    @Override
    public Class<RiskResult> resultType() {
        return RiskResult.class;
    }

    @Override
    public String question() {
        return Prompts.risk(side + MarketPrompt.atPrice(price, coin), MarketPrompt.wholeUnits(equity),
                MarketPrompt.render(List.of(coin)));
    }

    @Override
    public List<String> coinNames() {
        return List.of(coin.coin());
    }

    @Override
    public RiskResult byRules(RuleBasedAnalyzer rules) {
        return rules.risk(coin, side);
    }
}
