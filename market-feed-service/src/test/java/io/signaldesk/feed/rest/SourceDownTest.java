package io.signaldesk.feed.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A source that delivers nothing (a replay of a missing file): not ready, but the API still answers. */
@QuarkusTest
@TestProfile(SourceDownTest.MissingReplayProfile.class)
class SourceDownTest {

    public static class MissingReplayProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feed.source", "replay", "feed.replay.file", "target/no-such-recording.jsonl",
                    "feed.replay.speed", "0");
        }
    }

    @Test
    void readinessIsDownAndLivenessUpWhileNothingIsDelivered() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", hasItem("market-source"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("feed_source_up{source=\"replay\"} 0.0"));
    }

    @Test
    void sourcesExplainWhyAndSnapshotsStayEmpty() throws InterruptedException {
        for (int i = 0; i < 1200 && given().get("/api/market/sources").jsonPath().getString("sources[0].lastError") == null; i++) {
            Thread.sleep(50);
        }
        given().get("/api/market/sources").then().statusCode(200)
                .body("active", equalTo("replay"))
                .body("delivering", equalTo(false))
                .body("sources[0].state", equalTo("STOPPED"))
                .body("sources[0].lastError", containsString("no-such-recording.jsonl"));
        given().get("/api/market/snapshot/BTC").then().statusCode(200)
                .body("lastPrice", nullValue())
                .body("lastEventAgeMs", nullValue());
    }
}
