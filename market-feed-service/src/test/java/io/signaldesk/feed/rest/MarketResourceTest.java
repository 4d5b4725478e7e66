package io.signaldesk.feed.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MarketResourceTest {

    /** Waits until the simulator has traded every coin, so the features are filled in. */
    @BeforeEach
    void awaitSimulatedTrades() throws InterruptedException {
        for (int i = 0; i < 1200; i++) { // up to a minute on a loaded machine
            List<Object> last = given().get("/api/market/snapshot").jsonPath().getList("coins.lastPrice");
            if (last.size() == 3 && !last.contains(null)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void snapshotListsEveryFollowedCoinWithItsFeatures() {
        JsonPath json = given().get("/api/market/snapshot").then().statusCode(200)
                .body("source", equalTo("simulator"))
                .body("feed.source", equalTo("simulator"))
                .body("feed.market", equalTo("simulator"))
                .body("asOf", notNullValue())
                .body("coins.coin", equalTo(List.of("BTC", "ETH", "SOL")))
                .body("coins.venue", everyItem(equalTo("SIMULATOR")))
                .body("coins.symbol", hasItem("BTCUSDT"))
                .body("coins.bookImbalance.levels", everyItem(equalTo(10)))
                .extract().jsonPath();
        for (int i = 0; i < 3; i++) {
            BigDecimal bid = json.getObject("coins[" + i + "].bestBid", BigDecimal.class);
            BigDecimal ask = json.getObject("coins[" + i + "].bestAsk", BigDecimal.class);
            assertTrue(bid.compareTo(ask) < 0, "bid below ask");
            assertEquals(0, ask.subtract(bid).compareTo(json.getObject("coins[" + i + "].spread", BigDecimal.class)));
            float share = json.getFloat("coins[" + i + "].bookImbalance.bidShare");
            assertTrue(share > 0 && share < 1, "bid share " + share);
            assertTrue(json.getInt("coins[" + i + "].trades60s.buyCount") + json.getInt("coins[" + i + "].trades60s.sellCount") > 0);
            assertTrue(json.getLong("coins[" + i + "].lastEventAgeMs") >= 0);
        }
    }

    @Test
    void coinSnapshotIsCaseInsensitive() {
        given().get("/api/market/snapshot/eth").then().statusCode(200)
                .body("coin", equalTo("ETH"))
                .body("symbol", equalTo("ETHUSDT"))
                .body("midPrice", notNullValue())
                .body("momentum60sPct", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void unknownCoinIsA404NamingIt() {
        given().get("/api/market/snapshot/doge").then().statusCode(404)
                .body("error", containsString("DOGE"))
                .body("field", equalTo("coin"));
        given().get("/api/market/book/DOGE").then().statusCode(404).body("error", containsString("DOGE"));
        given().get("/api/market/trades/DOGE").then().statusCode(404).body("error", containsString("DOGE"));
    }

    /** Binance lists one-letter bases (WUSDT): W is a coin this feed does not follow; 21 letters are no coin. */
    @Test
    void aOneLetterCoinIsACoinAndTwentyOneLettersAreNot() {
        given().get("/api/market/snapshot/W").then().statusCode(404)
                .body("error", containsString("coin W is not followed")).body("field", equalTo("coin"));
        given().get("/api/market/snapshot/" + "W".repeat(21)).then().statusCode(400)
                .body("error", equalTo("coin " + io.signaldesk.core.market.Coin.MESSAGE)).body("field", equalTo("coin"));
    }

    @Test
    void bookReturnsTheRequestedDepthBestPricesFirst() {
        JsonPath book = given().queryParam("depth", 5).get("/api/market/book/btc").then().statusCode(200)
                .body("coin", equalTo("BTC"))
                .body("depth", equalTo(5))
                .body("bids", hasSize(5))
                .body("asks", hasSize(5))
                .body("bidLevels", equalTo(20))
                .extract().jsonPath();
        List<Float> bids = book.getList("bids.price", Float.class);
        List<Float> asks = book.getList("asks.price", Float.class);
        assertTrue(bids.get(0) > bids.get(4), "bids descend");
        assertTrue(asks.get(0) < asks.get(4), "asks ascend");
        assertTrue(bids.get(0) < asks.get(0), "not crossed");
        given().get("/api/market/book/SOL").then().statusCode(200).body("depth", equalTo(20)).body("bids", hasSize(20));
    }

    @Test
    void bookDepthOutOfRangeIsA400NamingDepth() {
        for (String depth : List.of("0", "501", "-3", "abc", "1.5")) {
            given().queryParam("depth", depth).get("/api/market/book/BTC").then().statusCode(400)
                    .body("field", equalTo("depth"))
                    .body("error", containsString("between 1 and 500"));
        }
        given().queryParam("depth", 500).get("/api/market/book/BTC").then().statusCode(200);
    }

    @Test
    void tradesComeNewestFirstUpToTheLimit() {
        JsonPath tape = given().queryParam("limit", 3).get("/api/market/trades/BTC").then().statusCode(200)
                .body("coin", equalTo("BTC"))
                .body("limit", equalTo(3))
                .body("trades.size()", lessThanOrEqualTo(3))
                .body("trades.size()", greaterThan(0))
                .extract().jsonPath();
        List<String> times = tape.getList("trades.receiveTime");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i - 1).compareTo(times.get(i)) >= 0, "newest first");
        }
        assertTrue(List.of("BUY", "SELL").contains(tape.getString("trades[0].side")));
        given().get("/api/market/trades/ETH").then().statusCode(200).body("limit", equalTo(50));
    }

    @Test
    void tradesLimitOutOfRangeIsA400NamingLimit() {
        for (String limit : List.of("0", "501", "ten")) {
            given().queryParam("limit", limit).get("/api/market/trades/BTC").then().statusCode(400)
                    .body("field", equalTo("limit"))
                    .body("error", containsString("limit"));
        }
    }

    @Test
    void sourcesShowTheRunningSimulatorAndTheSettings() {
        given().get("/api/market/sources").then().statusCode(200)
                .body("active", equalTo("simulator"))
                .body("delivering", equalTo(true))
                .body("sources[0].name", equalTo("simulator"))
                .body("sources[0].state", equalTo("LIVE"))
                .body("sources[0].messages", greaterThan(0))
                .body("config.coins", equalTo(List.of("BTC", "ETH", "SOL")))
                .body("config.simulatorSeed", equalTo(42))
                .body("config.window", equalTo("PT1M"))
                .body("recording.active", equalTo(false));
    }

    @Test
    void readinessReflectsTheDeliveringSource() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("market-source"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsExposeTheFeedMeters() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("feed_events_total{coin=\"BTC\",type=\"trade\"}"), "feed.events");
        assertTrue(metrics.contains("feed_event_lag_seconds_bucket{venue=\"simulator\""), "feed.event.lag histogram");
        assertTrue(metrics.contains("feed_source_up{source=\"simulator\"} 1.0"), "feed.source.up");
        assertTrue(metrics.contains("feed_websocket_clients"), "feed.websocket.clients");
    }

    @Test
    void openApiDocumentsTheEndpointsWithExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/market/snapshot/{coin}"))
                .body(containsString("/api/market/book/{coin}"))
                .body(containsString("bidAskRatio"));
    }
}
