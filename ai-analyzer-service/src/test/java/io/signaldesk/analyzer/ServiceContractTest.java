package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.service.AiModeService;
import io.signaldesk.analyzer.service.RuleBasedAnalyzer;
import io.signaldesk.core.contract.Contracts;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.Direction;

/**
 * This service's side of the contracts (trading-core's contracts/ fixtures): it reads the feed's REST snapshot, takes
 * decision-service's entry request as it is sent, and answers it with the JSON envelope and the Server-Sent Events of
 * the contract (from its rules here, so the answer is deterministic: the same fields as a model answer, another
 * source). The feed and decision-service produce and read the very same files.
 */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class ServiceContractTest {

    /** Timings that differ on every run; the contract fixes only that they are there, as numbers and a time. */
    private static final String[] TIMINGS = { "latencyMs", "at", "signalMs" };

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    AiModeService mode;

    @Inject
    RuleBasedAnalyzer rules;

    @BeforeEach
    void rulesMode() {
        StubServers.reset();
        mode.set(AiMode.RULES);
    }

    @AfterEach
    void aiMode() {
        mode.set(AiMode.AI);
    }

    @Test
    void readsTheFeedsRestSnapshot() throws Exception {
        MarketSnapshotDto snapshot = mapper.readValue(Contracts.fixture(Contracts.FEED_REST_SNAPSHOT), MarketSnapshotDto.class);

        assertTrue(validator.validate(snapshot).isEmpty(), validator.validate(snapshot).toString());
        assertEquals("replay", snapshot.source());
        CoinSnapshot btc = snapshot.coin("BTC").orElseThrow();
        assertEquals(0, new BigDecimal("100.6").compareTo(btc.lastPrice()));
        assertEquals(0, new BigDecimal("0.6").compareTo(btc.momentum60sPct()));
        assertEquals(0, new BigDecimal("0.6667").compareTo(btc.bookImbalance().bidShare()));
        assertEquals(1, btc.trades60s().sellCount());
        assertEquals(Instant.parse("2026-11-25T12:00:50Z"), btc.updatedAt());
        assertEquals(Direction.LONG, rules.rules().evaluate(btc).direction());
        assertEquals(Direction.WAIT, rules.rules().evaluate(snapshot.coin("ETH").orElseThrow()).direction());
    }

    @Test
    void answersTheEntryRequestWithTheEnvelopeOfTheContract() {
        String body = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Contracts.fixture(Contracts.ANALYZER_ENTRY_REQUEST))
                .when().post("/api/analysis/entry")
                .then().statusCode(200).extract().asString();

        Contracts.assertProduces(Contracts.ANALYZER_ENTRY_ANSWER, body, TIMINGS);
    }

    @Test
    void streamsTheEntryAnswerAsTheEventsOfTheContract() {
        String events = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Contracts.fixture(Contracts.ANALYZER_ENTRY_REQUEST))
                .when().post("/api/analysis/entry")
                .then().statusCode(200).extract().asString();

        Contracts.assertProducesEvents(Contracts.ANALYZER_ENTRY_EVENTS, events, TIMINGS);
    }
}
