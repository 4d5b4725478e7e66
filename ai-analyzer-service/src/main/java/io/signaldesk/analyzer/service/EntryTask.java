package io.signaldesk.analyzer.service;

import java.math.BigDecimal;
import java.util.List;

import io.signaldesk.analyzer.ai.MarketPrompt;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.ModelRecord;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.PositionSide;

/** Whether to enter a proposed trade on one coin; {@code record} (optional) is the model's own record on this setup. */
public record EntryTask(CoinSnapshot coin, PositionSide side, BigDecimal price, ModelRecord record) implements AnalysisTask<EntryResult> {

    public EntryTask(CoinSnapshot coin, PositionSide side, BigDecimal price) {
        this(coin, side, price, null);
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.ENTRY;
    }

    @Override
    public Class<EntryResult> resultType() {
        return EntryResult.class;
    }

    @Override
    public String question() {
        return Prompts.entry(side + MarketPrompt.atPrice(price, coin), Prompts.record(record) + MarketPrompt.render(List.of(coin)));
    }

    @Override
    public List<String> coinNames() {
        return List.of(coin.coin());
    }

    @Override
    public EntryResult byRules(RuleBasedAnalyzer rules) {
        return rules.entry(coin, side);
    }
}
