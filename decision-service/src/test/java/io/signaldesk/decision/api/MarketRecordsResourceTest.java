package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.SignalOutcomes;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/**
 * GET /api/signals/accuracy and GET /api/edge read one market's record: the desk's market now (the feed's frames say
 * which, as market-feed-service sends them), another with {@code ?market=}, and a 400 naming market outside the
 * markets' pattern.
 */
@QuarkusTest
class MarketRecordsResourceTest {

    private static final FeedIdentity SIMULATOR = new FeedIdentity("simulator", "aaaa1111", "simulator");
    private static final FeedIdentity BINANCE = new FeedIdentity("binance", "bbbb2222", "binance");

    @Inject
    Desk desk;

    @Inject
    SignalScoringService scoring;

    @Inject
    DecisionConfig config;

    @AfterEach
    void forget() {
        scoring.clear();
    }

    @Test
    void signalAccuracyCountsTheDesksMarketOnlyAndNamesItWithTheOthersKeptApart() {
        scoring.clear();
        Duration longest = config.scoring().horizons().stream().max(Duration::compareTo).orElseThrow();
        // three right LONG calls on the simulator's made-up prices
        desk.tick(SIMULATOR, Market.flat("MKT1", "100"));
        for (int i = 0; i < 3; i++) {
            Signal call = new Signal("MKT1", "RULES", Direction.LONG, 8, new BigDecimal("100.00"), Direction.WAIT,
                    Instant.parse("2026-12-07T10:00:00Z").plusSeconds(i), "simulator");
            scoring.add(SignalOutcomes.score(call, longest, new BigDecimal("101.00"), config.scoring().flatBandPct()));
        }
        given().get("/api/signals/accuracy").then().statusCode(200).body("market", equalTo("simulator"))
                .body("markets.simulator", equalTo(3)).body("byHorizon.find { it.horizon == '"
                        + SignalScoringService.label(longest) + "' }.overall.scored", equalTo(3));

        // the desk now trades Binance: none of the simulator's calls count there
        desk.tick(BINANCE, Market.flat("MKT1", "97000"));
        given().get("/api/signals/accuracy").then().statusCode(200).body("market", equalTo("binance"))
                .body("markets.binance", equalTo(0)).body("markets.simulator", equalTo(3))
                .body("byHorizon.find { it.horizon == '" + SignalScoringService.label(longest) + "' }.overall.scored",
                        equalTo(0));
        given().queryParam("market", "simulator").get("/api/signals/accuracy").then().statusCode(200)
                .body("market", equalTo("simulator"))
                .body("byHorizon.find { it.horizon == '" + SignalScoringService.label(longest) + "' }.overall.scored",
                        equalTo(3));
    }

    @Test
    void theEdgeRecordIsTheDesksMarketOrTheOneAskedFor() {
        desk.tick(BINANCE, Market.flat("MKT2", "97000"));
        given().get("/api/edge").then().statusCode(200).body("market", equalTo("binance"));
        given().queryParam("market", "replay#cccc3333").get("/api/edge").then().statusCode(200)
                .body("market", equalTo("replay#cccc3333")).body("scoredCalls", equalTo(0));
        given().queryParam("market", "market not recorded").get("/api/edge").then().statusCode(200)
                .body("market", equalTo("market not recorded"));
        // the live evaluation too: the desk's market, or the one asked for, named beside its figures
        given().get("/api/signals/evaluation").then().statusCode(200).body("market", equalTo("binance"))
                .body("verdict", org.hamcrest.Matchers.notNullValue());
        given().queryParam("market", "replay#cccc3333").get("/api/signals/evaluation").then().statusCode(200)
                .body("market", equalTo("replay#cccc3333")).body("verdict", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aMarketOutsideThePatternIsA400NamingMarket() {
        for (String bad : new String[] {" ", "Binance", "<script>", "simulator; DROP TABLE edge_outcome", "a".repeat(200)}) {
            given().queryParam("market", bad).get("/api/edge").then().statusCode(400).body("field", equalTo("market"))
                    .body("error", startsWith("market must be a feed's market"));
            given().queryParam("market", bad).get("/api/signals/accuracy").then().statusCode(400)
                    .body("field", equalTo("market"));
            given().queryParam("market", bad).get("/api/signals/evaluation").then().statusCode(400)
                    .body("field", equalTo("market"));
        }
    }
}
