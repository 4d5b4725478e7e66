package io.signaldesk.decision.lessons;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.edge.Tally;
import io.signaldesk.core.evaluation.StudentT;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;

/**
 * The model's recent scored answers summed up per setup (kind, coin, side) for a lesson draft: the busiest setups
 * first, each with an id the model cites ({@code S1}, {@code S2}, ...), so that a lesson's evidence is computed here
 * from the answers of the setups it names, not written by the model. The interval on a lesson's mean net is Student's
 * t at 95 % (few answers: a z interval would look up to twice as sure at n = 3).
 */
public final class LessonDigest {

    /**
     * One setup as the analyzer's draft question shows it: its id, what was asked, calls and right ones, how many acted
     * (entered; held) and their mean net after costs, and the mean net had every one been acted on (percent).
     */
    @RegisterForReflection
    public record Setup(String id, String kind, String coin, String side, int calls, int right, int acted,
            BigDecimal actedNetPct, BigDecimal netPct) {

        public String label() {
            return kind + " " + coin + " " + side;
        }
    }

    private final List<Setup> setups;
    private final Map<String, List<ScoredAnswer>> answersById;

    private LessonDigest(List<Setup> setups, Map<String, List<ScoredAnswer>> answersById) {
        this.setups = setups;
        this.answersById = answersById;
    }

    /** The {@code maxSetups} setups with the most answers among {@code answers}, each with at least {@code minCalls}. */
    public static LessonDigest of(List<ScoredAnswer> answers, int maxSetups, int minCalls) {
        Map<String, List<ScoredAnswer>> bySetup = new LinkedHashMap<>();
        answers.forEach(a -> bySetup.computeIfAbsent(a.kind() + " " + a.coin() + " " + a.side(), k -> new ArrayList<>()).add(a));
        List<List<ScoredAnswer>> busiest = bySetup.entrySet().stream()
                .filter(e -> e.getValue().size() >= minCalls)
                .sorted(Comparator.<Map.Entry<String, List<ScoredAnswer>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(maxSetups).map(Map.Entry::getValue).toList();
        List<Setup> setups = new ArrayList<>();
        Map<String, List<ScoredAnswer>> byId = new LinkedHashMap<>();
        for (List<ScoredAnswer> group : busiest) {
            String id = "S" + (setups.size() + 1);
            ScoredAnswer first = group.get(0);
            List<BigDecimal> acted = group.stream().filter(ScoredAnswer::acted).map(ScoredAnswer::netPct).toList();
            setups.add(new Setup(id, first.kind(), first.coin(), first.side(), group.size(),
                    (int) group.stream().filter(ScoredAnswer::right).count(), acted.size(), mean(acted).orElse(null),
                    mean(group.stream().map(ScoredAnswer::netPct).toList()).orElseThrow()));
            byId.put(id, List.copyOf(group));
        }
        return new LessonDigest(List.copyOf(setups), byId);
    }

    public List<Setup> setups() {
        return setups;
    }

    public boolean isEmpty() {
        return setups.isEmpty();
    }

    /** Whether every id is one of this digest's. */
    public boolean knows(List<String> ids) {
        return !ids.isEmpty() && answersById.keySet().containsAll(ids);
    }

    /** The evidence of a lesson citing {@code ids}: their answers pooled. */
    public Lesson.Evidence evidence(List<String> ids) {
        List<ScoredAnswer> pooled = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            pooled.addAll(answersById.getOrDefault(id, List.of()));
            setups.stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(s -> labels.add(s.label()));
        }
        Tally nets = Tally.EMPTY;
        for (ScoredAnswer answer : pooled) {
            nets = nets.plus(answer.netPct().doubleValue());
        }
        BigDecimal mean = mean(pooled.stream().map(ScoredAnswer::netPct).toList()).orElse(null);
        BigDecimal low = null;
        BigDecimal high = null;
        if (nets.count() >= 2) {
            double m = nets.sum() / nets.count();
            double half = StudentT.halfWidth(nets.stdev(), nets.count(), 0.95);
            low = scale(m - half);
            high = scale(m + half);
        }
        return new Lesson.Evidence(labels, pooled.size(), (int) pooled.stream().filter(ScoredAnswer::right).count(), mean,
                low, high);
    }

    private static Optional<BigDecimal> mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal scale(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }
}
