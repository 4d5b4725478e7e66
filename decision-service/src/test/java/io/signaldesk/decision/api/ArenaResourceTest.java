package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.port.EdgeStore;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;
import io.signaldesk.decision.ledger.EdgeRepository;

/** GET /api/ai/arena and its Appendix A: both models' scored answers side by side, from the ledger. */
@QuarkusTest
class ArenaResourceTest {

    private static final Instant T0 = Instant.parse("2024-10-01T10:00:00Z");

    @Inject
    EdgeRepository repository;

    @Inject
    EdgeService edge;

    /** The desk trades Binance: the model's answers read are Binance's. */
    @Inject
    io.signaldesk.decision.support.Desk desk;

    @Inject
    DecisionConfig config;

    @Inject
    io.signaldesk.core.strategy.StrategySettings strategy;

    @BeforeEach
    @AfterEach
    void forget() {
        edge.clear();
        desk.tick(new io.signaldesk.decision.engine.port.FeedIdentity("binance", "bbbb2222", "binance"),
                io.signaldesk.decision.support.Market.flat("MKTA", "97000"));
    }

    @Test
    void showsBothModelsWithIntervalsAndWritesAppendixA() {
        Duration horizon = strategy.edge().horizon();
        // four questions: the model in use entered all four (two paid), the shadow answered three, entering the two that paid
        String[] nets = {"0.50", "-0.70", "0.60", "-0.40"};
        for (int i = 0; i < 4; i++) {
            BigDecimal net = new BigDecimal(nets[i]);
            boolean paid = net.signum() > 0;
            Instant at = T0.plusSeconds(i * 60L);
            repository.insertAnswer(new ScoredAnswer("ENTRY", "BTC", "LONG", true, 7, "llama3.2:3b", at, horizon,
                    net.add(new BigDecimal("0.30")), net, paid, null, null, null).on("binance"), 100);
            if (i < 3) {
                repository.insertAnswer(new ScoredAnswer("ENTRY", "BTC", "LONG", paid, 6, "phi3:mini", at, horizon,
                        net.add(new BigDecimal("0.30")), net, true, null, null, null, EdgeStore.SHADOW).on("binance"), 100);
            }
        }
        given().get("/api/ai/arena").then().statusCode(200)
                .body("models", hasSize(2))
                .body("models.find { it.role == 'PRIMARY' }.right.calls", equalTo(4))
                .body("models.find { it.role == 'PRIMARY' }.right.hits", equalTo(2))
                .body("models.find { it.role == 'PRIMARY' }.acted", equalTo(4))
                .body("models.find { it.role == 'SHADOW' }.model", equalTo("phi3:mini"))
                .body("models.find { it.role == 'SHADOW' }.right.hits", equalTo(3))
                .body("models.find { it.role == 'SHADOW' }.acted", equalTo(2))
                .body("models.find { it.role == 'SHADOW' }.verdict", containsString("no measured edge"))
                .body("primaryOnSharedQuestions[0].right.calls", equalTo(3))
                .body("primaryOnSharedQuestions[0].sharedWith", equalTo("phi3:mini"))
                .body("shadow.state", equalTo("UNKNOWN"));
        given().get("/api/ai/arena/appendix-a").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(containsString("| llama3.2:3b | primary | 4 | 50 % ("))
                .body(containsString("| phi3:mini | shadow | 3 | 100 % ("))
                .body(containsString("On the 3 questions phi3:mini also answered, llama3.2:3b was right 67 %"));
    }

    @Test
    void readsTheAnswersScoredOnTheDesksMarketOrTheOneAskedFor() {
        Duration horizon = strategy.edge().horizon();
        // two right entries on the simulator's made-up prices, one wrong on Binance's
        for (int i = 0; i < 2; i++) {
            repository.insertAnswer(new ScoredAnswer("ENTRY", "BTC", "LONG", true, 7, "llama3.2:3b", T0.plusSeconds(i * 60L),
                    horizon, new BigDecimal("1.0000"), new BigDecimal("0.7000"), true, null, null, null).on("simulator"), 100);
        }
        repository.insertAnswer(new ScoredAnswer("ENTRY", "BTC", "LONG", true, 7, "llama3.2:3b", T0.plusSeconds(180),
                horizon, new BigDecimal("-0.1000"), new BigDecimal("-0.4000"), false, null, null, null).on("binance"), 100);

        given().get("/api/ai/arena").then().statusCode(200).body("market", equalTo("binance"))
                .body("markets.binance", equalTo(1)).body("markets.simulator", equalTo(2))
                .body("models.find { it.role == 'PRIMARY' }.right.calls", equalTo(1))
                .body("models.find { it.role == 'PRIMARY' }.right.hits", equalTo(0));
        given().queryParam("market", "simulator").get("/api/ai/arena").then().statusCode(200)
                .body("market", equalTo("simulator")).body("models.find { it.role == 'PRIMARY' }.right.hits", equalTo(2));
        given().get("/api/ai/arena/appendix-a").then().statusCode(200)
                .body(containsString("on binance's prices only")).body(containsString("| llama3.2:3b | primary | 1 | 0 % ("));
        given().queryParam("market", "Binance").get("/api/ai/arena").then().statusCode(400).body("field", equalTo("market"));
        given().queryParam("market", "<b>").get("/api/ai/arena/appendix-a").then().statusCode(400)
                .body("field", equalTo("market"));
    }
}
