package io.signaldesk.core.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.scoring.SignalScorer;

/**
 * A whole evaluation: the verdict, the overall {@link Scorecard} and one per source (RULES, AI, RULES+AI), coin and
 * confidence bucket. {@code horizon} is the horizon the calls were scored at; {@code trials} how many settings were
 * tried on the same data (the deflated Sharpe's input, stated so a reader can check it); {@code fees} the cost model
 * every trade and baseline was priced with.
 */
public record Evaluation(String verdict, String horizon, int trials, FeeModel fees, Scorecard overall,
        Map<String, Scorecard> bySource, Map<String, Scorecard> byCoin, Map<String, Scorecard> byConfidence) {

    public static Evaluation of(List<Call> calls, List<Trade> trades, FeeModel fees, String horizon,
            Instant from, Instant to, int trials) {
        Scorecard overall = Scorecard.of(calls, trades, fees, from, to, trials);
        return new Evaluation(Verdict.of(overall), horizon, trials, fees, overall,
                groups(calls, trades, Call::source, Trade::source, fees, from, to, trials),
                groups(calls, trades, Call::coin, Trade::coin, fees, from, to, trials),
                groups(calls, trades, c -> SignalScorer.bucket(c.confidence()), t -> SignalScorer.bucket(t.confidence()),
                        fees, from, to, trials));
    }

    private static Map<String, Scorecard> groups(List<Call> calls, List<Trade> trades, Function<Call, String> callKey,
            Function<Trade, String> tradeKey, FeeModel fees, Instant from, Instant to, int trials) {
        Map<String, List<Call>> c = calls.stream().collect(Collectors.groupingBy(callKey, TreeMap::new, Collectors.toList()));
        Map<String, List<Trade>> t = trades.stream()
                .collect(Collectors.groupingBy(tradeKey, TreeMap::new, Collectors.toList()));
        TreeMap<String, Scorecard> out = new TreeMap<>();
        for (String key : union(c.keySet(), t.keySet())) {
            out.put(key, Scorecard.of(c.getOrDefault(key, List.of()), t.getOrDefault(key, List.of()), fees, from, to,
                    trials));
        }
        return new LinkedHashMap<>(out);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
