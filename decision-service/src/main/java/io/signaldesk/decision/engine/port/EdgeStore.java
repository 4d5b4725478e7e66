package io.signaldesk.decision.engine.port;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.signaldesk.core.edge.SetupKey;

/** The edge gate's track record: scored calls by setup, tagged by where they came from. */
public interface EdgeStore {

    /**
     * One call scored at {@code horizon}: its setup, when it was called, its move its way (percent, before costs), and
     * the market it was measured on ({@code FeedIdentity.market}; null: a row from before markets were recorded).
     */
    record ScoredCall(SetupKey setup, Instant calledAt, Duration horizon, BigDecimal movePct, String market) {

        /** The same call measured on {@code other}. */
        public ScoredCall on(String other) {
            return new ScoredCall(setup, calledAt, horizon, movePct, other);
        }
    }

    /**
     * One model answer scored at {@code horizon} (table model_answer): what was asked (kind ENTRY or EXIT, coin, side),
     * whether the answer acted, the move its way before costs, what acting earned after costs, whether it was right,
     * and (when known) the question and system message it answered, the answer as JSON and the version of the trader's
     * lessons in that system message; {@code market} the market it was scored on ({@code FeedIdentity.market}; null: a
     * row from before markets were recorded, or not said).
     */
    record ScoredAnswer(String kind, String coin, String side, boolean acted, Integer confidence, String model,
            Instant answeredAt, Duration horizon, BigDecimal movePct, BigDecimal netPct, boolean right, String question,
            String answer, String system, String role, Integer lessonVersion, String market) {

        /** Without the market it was scored on (not said). */
        public ScoredAnswer(String kind, String coin, String side, boolean acted, Integer confidence, String model,
                Instant answeredAt, Duration horizon, BigDecimal movePct, BigDecimal netPct, boolean right, String question,
                String answer, String system, String role, Integer lessonVersion) {
            this(kind, coin, side, acted, confidence, model, answeredAt, horizon, movePct, netPct, right, question, answer,
                    system, role, lessonVersion, null);
        }

        /** The same answer scored on {@code other}. */
        public ScoredAnswer on(String other) {
            return new ScoredAnswer(kind, coin, side, acted, confidence, model, answeredAt, horizon, movePct, netPct, right,
                    question, answer, system, role, lessonVersion, other);
        }

        /** Without the version of the trader's lessons it was asked under (not said). */
        public ScoredAnswer(String kind, String coin, String side, boolean acted, Integer confidence, String model,
                Instant answeredAt, Duration horizon, BigDecimal movePct, BigDecimal netPct, boolean right, String question,
                String answer, String system, String role) {
            this(kind, coin, side, acted, confidence, model, answeredAt, horizon, movePct, netPct, right, question, answer,
                    system, role, null);
        }

        /** The model in use's answer (role PRIMARY). */
        public ScoredAnswer(String kind, String coin, String side, boolean acted, Integer confidence, String model,
                Instant answeredAt, Duration horizon, BigDecimal movePct, BigDecimal netPct, boolean right, String question,
                String answer, String system) {
            this(kind, coin, side, acted, confidence, model, answeredAt, horizon, movePct, netPct, right, question, answer,
                    system, PRIMARY);
        }
    }

    /** The model in use. */
    String PRIMARY = "PRIMARY";
    /** A second model asked the same questions on idle time (analyzer.shadow.model). */
    String SHADOW = "SHADOW";
    /** The model in use asked on idle time about a setup the edge gate shut (strategy.edge.probe-every). */
    String PROBE = "PROBE";

    /**
     * One model's scored answers at a horizon, as the arena shows them: {@code role} PRIMARY or SHADOW,
     * {@code pairedWith} the other model when these are the PRIMARY's answers to the questions the shadow also answered
     * (else null); calls, right ones, acted ones and the sum and sum of squares of their net results after costs (%).
     */
    record ArenaRow(String role, String model, String pairedWith, long calls, long right, long acted, double netSum,
            double netSquares) {
    }

    /**
     * Both models' scored answers at {@code horizon} on {@code market} ({@code EdgeService.NOT_RECORDED}: the rows from
     * before markets were recorded), by role and model, and the primary's on the questions both answered.
     */
    List<ArenaRow> arena(Duration horizon, String market);

    /** How many answers of the model in use (roles PRIMARY and PROBE) are scored at {@code horizon}, per market. */
    java.util.Map<String, Long> answersByMarket(Duration horizon);

    /**
     * Which scored answers to read back for the training set; null: any, but {@code market}: the answers scored on that
     * market only ({@code EdgeService.NOT_RECORDED}: the rows from before markets were recorded).
     */
    record AnswerFilter(String kind, String coin, Instant from, Instant to, int limit, String market) {
    }

    /** A model setup a probe is sent for (strategy.edge.probe-every): the coin, the source (ai, rules+ai), the direction. */
    record ProbedSetup(String coin, String source, String direction, String market) {
    }

    /** When each model setup was last probed (table edge_probe), in the engine's time. */
    java.util.Map<ProbedSetup, Instant> lastProbes();

    /** A probe was sent for {@code setup} at {@code at}: kept so a restart does not probe it again before its interval. */
    void probed(ProbedSetup setup, Instant at);

    void insert(ScoredCall call, String origin);

    void insertAll(List<ScoredCall> calls, String origin);

    List<ScoredCall> scored(Duration horizon);

    /**
     * How many calls scored at {@code horizon} came from {@code origin} (LIVE, SEED, PROBE), per market ({@code EdgeService.NOT_RECORDED}:
     * the rows from before markets were recorded) and setup.
     */
    java.util.Map<String, java.util.Map<SetupKey, Long>> countByOriginPerMarket(Duration horizon, String origin);

    /** Forgets the whole track record, the model's answers and when setups were probed with it. */
    void deleteAll();

    /** Stores a scored model answer; the texts of all but the newest {@code keepTexts} are cleared now and then. */
    void insertAnswer(ScoredAnswer answer, int keepTexts);

    /**
     * Every answer of the model in use (roles PRIMARY and PROBE) scored at {@code horizon}, oldest first (without their
     * texts), each with its market (null: not recorded).
     */
    List<ScoredAnswer> answers(Duration horizon);

    /** The scored answers with their prompt as sent, oldest first, at most {@code filter.limit()}. */
    List<ScoredAnswer> withPrompts(Duration horizon, AnswerFilter filter);
}
