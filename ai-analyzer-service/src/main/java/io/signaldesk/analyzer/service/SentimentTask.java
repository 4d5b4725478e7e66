package io.signaldesk.analyzer.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.signaldesk.analyzer.ai.MarketPrompt;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.core.market.CoinSnapshot;

/** Market sentiment over the given coins (all present in the snapshot). */
public record SentimentTask(List<CoinSnapshot> coins) implements AnalysisTask<SentimentResult> {

    public SentimentTask {
        if (coins.isEmpty()) {
            throw new IllegalArgumentException("no coin to analyse");
        }
        coins = List.copyOf(coins);
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.SENTIMENT;
    }

    @Override
    public Class<SentimentResult> resultType() {
        return SentimentResult.class;
    }

    @Override
    public String question() {
        return Prompts.sentiment(MarketPrompt.render(coins));
    }

    @Override
    public List<String> coinNames() {
        return coins.stream().map(CoinSnapshot::coin).toList();
    }

    @Override
    public Optional<String> problemWith(SentimentResult result) {
        boolean asked = coins.stream().anyMatch(c -> c.coin().equals(result.coin()));
        return asked ? Optional.empty() : Optional.of("coin " + result.coin() + " is not one of " + names());
    }

    @Override
    public Map<String, String> answerDefaults() {
        return coins.size() == 1 ? Map.of("coin", coins.get(0).coin()) : Map.of();
    }

    @Override
    public SentimentResult byRules(RuleBasedAnalyzer rules) {
        return rules.sentiment(coins);
    }

    private String names() {
        return coins.stream().map(CoinSnapshot::coin).collect(Collectors.joining(", "));
    }
}
