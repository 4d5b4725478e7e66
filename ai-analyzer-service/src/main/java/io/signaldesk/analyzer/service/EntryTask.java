package io.signaldesk.analyzer.service;

import java.math.BigDecimal;
import java.util.List;

import io.signaldesk.analyzer.ai.MarketAnalyst;
import io.signaldesk.analyzer.ai.MarketPrompt;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.CoinSnapshot;
import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.TradeSide;

/** Whether to enter a proposed trade on one coin. */
public record EntryTask(CoinSnapshot coin, TradeSide side, BigDecimal price) implements AnalysisTask<EntryResult> {

    @Override
    public AnalysisType type() {
        return AnalysisType.ENTRY;
    }

    @Override
    public Class<EntryResult> resultType() {
        return EntryResult.class;
    }

    @Override
    public String stateKey(MarketStateKey keys) {
        return side + "|" + keys.of(coin);
    }

    @Override
    public EntryResult askModel(MarketAnalyst analyst, String retryNote) {
        return analyst.entry(MarketPrompt.render(List.of(coin)),
                side + " " + coin.coin() + " at " + MarketPrompt.price(price), retryNote);
    }

    @Override
    public EntryResult byRules(RuleBasedAnalyzer rules) {
        return rules.entry(coin, side);
    }
}
