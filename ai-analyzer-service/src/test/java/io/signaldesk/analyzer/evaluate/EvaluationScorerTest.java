package io.signaldesk.analyzer.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.trade.Direction;

/** Scoring and the Markdown table on hand-made observations with known figures. */
class EvaluationScorerTest {

    private static Observation sentiment(long ms, Direction signal, String move1m, String move5m) {
        return new Observation(AnalysisType.SENTIMENT, ms, ms, 20, true, false, null, signal,
                move1m == null ? null : new BigDecimal(move1m), move5m == null ? null : new BigDecimal(move5m), 8);
    }

    @Test
    void scoresTimesTokensRatesHitsAndQuality() {
        List<Observation> observations = List.of(
                sentiment(100, Direction.LONG, "0.30", "-0.20"),
                sentiment(300, Direction.SHORT, "-0.06", null),
                sentiment(200, Direction.WAIT, "0.05", "0.01"),
                new Observation(AnalysisType.ENTRY, 400, 400, 40, false, true, null, null, null, null, 0),
                new Observation(AnalysisType.EXIT, 1000, 1000, 20, false, true, FallbackReason.INVALID_OUTPUT, null, null, null, 0));

        ModelScore score = EvaluationScorer.score("m", observations, 2_000_000_000L);

        assertEquals(5, score.analyses());
        assertEquals(300, score.p50Ms());
        assertEquals(1000, score.p95Ms());
        assertEquals(new BigDecimal("60.0"), score.tokensPerSecond(), "120 tokens in 2000 ms");
        assertEquals(new BigDecimal("0.6000"), score.validOutputRate());
        assertEquals(new BigDecimal("0.4000"), score.repromptRate());
        assertEquals(new BigDecimal("0.2000"), score.fallbackRate());
        assertEquals(new BigDecimal("1.0000"), score.hitRate1m(), "LONG +0.30, SHORT -0.06, WAIT +0.05 all hit");
        assertEquals(3, score.scored1m());
        assertEquals(new BigDecimal("0.5000"), score.hitRate5m(), "LONG -0.20 misses, WAIT +0.01 hits");
        assertEquals(2, score.scored5m());
        assertEquals(69, score.qualityScore(), "100 x (0.4 x 0.6 + 0.3 x 1 + 0.3 x 0.5) = 69");
        // direction counts LONG/SHORT past the band only: 1m LONG +0.30 and SHORT -0.06 right (the WAIT is no call);
        // 5m LONG -0.20 wrong, and that move went down, so always-long is 0 of 1 too
        assertEquals(2, score.direction1m().calls());
        assertEquals(2, score.direction1m().hits());
        assertEquals(0.5, score.direction1m().pValue(), 1e-12, "2 of 2 fair flips: 2 × 1/4");
        assertEquals(1, score.direction5m().calls());
        assertEquals(0, score.direction5m().hits());
        assertEquals(0, score.alwaysLong5m().hits());
        // calibration at 5 min: the one LONG call said 8/10 and was wrong: Brier (0.8 - 0)² = 0.64
        assertEquals(0.64, score.calibration5m().brier(), 1e-12);
        assertEquals("7-10", score.calibration5m().buckets().get(0).bucket());
    }

    @Test
    void aSignalHitsOnlyOutsideTheFlatBandInItsDirection() {
        assertTrue(EvaluationScorer.hits(Direction.LONG, new BigDecimal("0.0501")));
        assertFalse(EvaluationScorer.hits(Direction.LONG, new BigDecimal("0.05")));
        assertTrue(EvaluationScorer.hits(Direction.SHORT, new BigDecimal("-0.0501")));
        assertFalse(EvaluationScorer.hits(Direction.SHORT, new BigDecimal("-0.05")));
        assertTrue(EvaluationScorer.hits(Direction.WAIT, new BigDecimal("-0.05")));
        assertFalse(EvaluationScorer.hits(Direction.WAIT, new BigDecimal("0.06")));
    }

    @Test
    void emptyObservationsScoreZeroWithoutHitRates() {
        ModelScore score = EvaluationScorer.score("m", List.of(), null);

        assertEquals(0, score.p50Ms());
        assertNull(score.tokensPerSecond());
        assertNull(score.hitRate1m());
        assertEquals(0, score.qualityScore());
    }

    @Test
    void writesTheProductTableThenTheDetail() {
        ModelScore score = new ModelScore("llama3.2:3b", 40, 850, 1400, new BigDecimal("38.5"), new BigDecimal("0.9500"),
                new BigDecimal("0.0500"), new BigDecimal("0.0250"), new BigDecimal("0.6000"), 10, null, 0, 56, 2_850_000_000L,
                io.signaldesk.core.evaluation.DirectionAccuracy.of(8, 10), io.signaldesk.core.evaluation.DirectionAccuracy.of(0, 0),
                io.signaldesk.core.evaluation.DirectionAccuracy.of(0, 0), null);

        assertEquals("""
                | Model | Response Time | Quality Score | RAM Used |
                |-------|---------------|---------------|----------|
                | llama3.2:3b | 850 ms | 56/100 | 2.9 GB |

                | Model | Analyses | p50 | p95 | Tokens/s | Valid output | Reprompts | Fallbacks | Hit 1m | Hit 5m |
                |---|---|---|---|---|---|---|---|---|---|
                | llama3.2:3b | 40 | 850 ms | 1400 ms | 38.5 | 95.0 % | 5.0 % | 2.5 % | 60.0 % (10) | n/a (0) |

                Direction: LONG/SHORT signals whose move passed the ±0.05 % band (a hit rate above also counts WAIT inside the band), Wilson 95 % interval, p against 50 %.

                | Model | Direction 1m | Direction 5m | Always long 5m | Brier 5m (confidence c read as c/10) |
                |---|---|---|---|---|
                | llama3.2:3b | 80.0 % [49.0, 94.3] of 10, p 0.11 | n/a | n/a | n/a |
                """, ReportTable.markdown(List.of(score)));
    }
}
