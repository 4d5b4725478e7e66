package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.SignalOutcomes;
import io.signaldesk.decision.engine.SignalScoringService;

/** GET /api/signals/evaluation: the live verdict over the engine's scored calls at the longest horizon. */
@QuarkusTest
class SignalEvaluationResourceTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @Inject
    SignalScoringService scoring;

    @Inject
    DecisionConfig config;

    @Inject
    io.signaldesk.core.strategy.StrategySettings strategy;

    @Inject
    LiveEvaluationService evaluation;

    @AfterEach
    void forget() {
        scoring.clear();
    }

    @Test
    void judgesTheDirectionalCallsAtTheLongestHorizonWithTheirIntervalAndBaselines() {
        scoring.clear();
        Duration longest = config.scoring().horizons().stream().max(Duration::compareTo).orElseThrow();
        BigDecimal band = config.scoring().flatBandPct();
        // at the longest horizon: LONG +0.30 % right, SHORT -0.50 % right, LONG -0.20 % wrong, a WAIT (no call), and a
        // LONG whose +0.02 % stayed in the band (no call); the shortest horizon's miss must not count
        scoring.add(SignalOutcomes.score(signal(Direction.LONG, 8, 0), longest, new BigDecimal("100.30"), band));
        scoring.add(SignalOutcomes.score(signal(Direction.SHORT, 6, 1), longest, new BigDecimal("99.50"), band));
        scoring.add(SignalOutcomes.score(signal(Direction.LONG, 6, 2), longest, new BigDecimal("99.80"), band));
        scoring.add(SignalOutcomes.score(signal(Direction.WAIT, 5, 3), longest, new BigDecimal("100.40"), band));
        scoring.add(SignalOutcomes.score(signal(Direction.LONG, 7, 4), longest, new BigDecimal("100.02"), band));
        scoring.add(SignalOutcomes.score(signal(Direction.LONG, 7, 5), Duration.ofSeconds(1), new BigDecimal("99.00"), band));

        // the figures are read at most every 5 s: read again now, with these calls
        evaluation.expire();
        JsonPath body = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
                () -> given().get("/api/signals/evaluation").then().statusCode(200).extract().jsonPath(),
                json -> json.getInt("overall.direction.calls") == 3);

        // 2 of 3: Wilson 95 % [20.8, 93.9], P(X >= 2 | 3 flips) = 1/2, two-sided 1; always-long at the same instants:
        // the moves went up, down, down
        assertEquals(2, body.getInt("overall.direction.hits"));
        assertEquals(1, body.getInt("overall.alwaysLongDirection.hits"));
        assertEquals(2, body.getInt("overall.alwaysShortDirection.hits"));
        assertTrue(body.getString("verdict").contains("direction 66.7 % of 3 calls [20.8, 93.9], p 1.0"),
                body.getString("verdict"));
        assertEquals(3, body.getInt("bySource.RULES.direction.calls"));
        // Brier: (0.8 - 1)² + (0.6 - 1)² + 0.6² = 0.04 + 0.16 + 0.36, / 3
        assertEquals(0.186667, body.getDouble("overall.calibration.brier"), 1e-6);
        assertEquals(strategy.costs().takerFeePct().doubleValue(), body.getDouble("fees.takerFeePct"), 1e-12);
    }

    /** A call on the desk's market (the evaluation counts the desk's market only). */
    private Signal signal(Direction direction, int confidence, int minute) {
        return new Signal("EVAL", "RULES", direction, confidence, new BigDecimal("100.00"), Direction.WAIT,
                T0.plusSeconds(60L * minute), scoring.deskMarket());
    }
}
