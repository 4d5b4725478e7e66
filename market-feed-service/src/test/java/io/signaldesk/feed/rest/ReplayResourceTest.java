package io.signaldesk.feed.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The replay source plays a hand-written recording; every figure below is computed by hand from it. */
@QuarkusTest
@TestProfile(ReplayResourceTest.ReplayProfile.class)
class ReplayResourceTest {

    public static class ReplayProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feed.source", "replay", "feed.replay.file", "src/test/resources/replay/session.jsonl",
                    "feed.replay.speed", "0");
        }
    }

    @BeforeEach
    void awaitEndOfReplay() throws InterruptedException {
        for (int i = 0; i < 1200 && !"FINISHED".equals(state()); i++) { // up to a minute on a loaded machine
            Thread.sleep(50);
        }
    }

    private static String state() {
        return given().get("/api/market/sources").jsonPath().getString("sources[0].state");
    }

    @Test
    void replayFinishesAfterCountingTheMalformedLineAndTheCrossedUpdate() {
        given().get("/api/market/sources").then().statusCode(200)
                .body("active", equalTo("replay"))
                .body("delivering", equalTo(true))
                .body("sources[0].state", equalTo("FINISHED"))
                .body("sources[0].url", containsString("session.jsonl"))
                .body("sources[0].messages", equalTo(8))
                .body("sources[0].parseErrors", equalTo(1))
                .body("rejectedEvents.crossed-book", equalTo(1))
                .body("config.replaySpeed", equalTo(0.0f));
    }

    @Test
    void btcFeaturesMatchTheHandComputedValues() {
        JsonPath btc = given().get("/api/market/snapshot/BTC").then().statusCode(200)
                .body("venue", equalTo("BINANCE"))
                .body("symbol", equalTo("BTCUSDT"))
                .body("updatedAt", equalTo("2026-11-25T12:00:40Z"))
                .extract().jsonPath();
        assertDecimal(btc, "lastPrice", "95001.00");
        assertDecimal(btc, "bestBid", "95000.00");
        // 95000.50 was removed at 12:00:30; the crossed 95001.50 bid was rejected
        assertDecimal(btc, "bestAsk", "95001.00");
        assertDecimal(btc, "midPrice", "95000.5");
        assertDecimal(btc, "spread", "1.00");
        // (95001.00 - 95000.50) / 95000.50 = 0.000526 %
        assertDecimal(btc, "momentum60sPct", "0.0005");
        // bids 0.5 + 1.5 against asks 1.0
        assertDecimal(btc, "bookImbalance.bidShare", "0.6667");
        assertDecimal(btc, "bookImbalance.bidAskRatio", "2.0");
        assertDecimal(btc, "trades60s.buyCount", "2");
        assertDecimal(btc, "trades60s.sellCount", "1");
        assertDecimal(btc, "trades60s.buyVolume", "0.7");
        assertDecimal(btc, "trades60s.sellVolume", "0.3");
        // (95000.50 x 0.2 + 95000.00 x 0.3 + 95001.00 x 0.5) / 1.0
        assertDecimal(btc, "vwap60s", "95000.6");
        // sample stdev of ln(95000/95000.5) and ln(95001/95000)
        assertDecimal(btc, "volatility60sPct", "0.0011");
    }

    @Test
    void ethHasOneTradeAndSolNothingYet() {
        JsonPath eth = given().get("/api/market/snapshot/eth").then().statusCode(200)
                .body("volatility60sPct", nullValue())
                .extract().jsonPath();
        assertDecimal(eth, "midPrice", "3300.05");
        assertDecimal(eth, "vwap60s", "3300.1");
        assertDecimal(eth, "momentum60sPct", "0.0");
        given().get("/api/market/snapshot/SOL").then().statusCode(200)
                .body("lastPrice", nullValue())
                .body("bookImbalance.bidShare", nullValue())
                .body("trades60s.buyCount", equalTo(0));
    }

    @Test
    void tapeAndBookShowTheReplayedData() {
        given().get("/api/market/trades/BTC").then().statusCode(200)
                .body("trades.tradeId", equalTo(List.of("4100003", "4100002", "4100001")));
        given().get("/api/market/book/BTC?depth=1").then().statusCode(200)
                .body("bidLevels", equalTo(2))
                .body("askLevels", equalTo(1));
    }

    private static void assertDecimal(JsonPath json, String path, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(json.getObject(path, BigDecimal.class)),
                path + " = " + json.getString(path));
    }
}
