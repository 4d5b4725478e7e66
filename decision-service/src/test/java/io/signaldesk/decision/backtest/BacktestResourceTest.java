package io.signaldesk.decision.backtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class BacktestResourceTest {

    /** Names relative to the test data directory (signal.data-dir = target/test-classes). */
    private static final String FIXTURES = "backtest/";
    static final Path DATA_DIR = Path.of("target/test-classes");

    @Test
    void rulesBacktestOnTwoRealCoinsAnswersTheReportAndWritesJsonAndMarkdown() throws Exception {
        String body = """
                {"paths":["%sBTCUSDT-1m-slice.csv","%sETHUSDT-1m-slice.csv"],"mode":"RULES",
                 "feePct":0.1,"slippagePct":0,"to":"2024-10-01T04:00:00Z","outputDir":"backtest-test"}"""
                .formatted(FIXTURES, FIXTURES);
        ValidatableResponse response = post(body).statusCode(200)
                .body("mode", equalTo("RULES"))
                .body("data", equalTo("candles"))
                .body("frames", equalTo(59)) // 60 bars: a frame at each close from the second bar on
                .body("coins[0]", equalTo("BTC"))
                .body("from", equalTo("2024-10-01T03:02:00Z"))
                .body("to", equalTo("2024-10-01T04:00:00Z"))
                .body("settings.slippagePct", equalTo(0))
                .body("settings.momentumPct", equalTo(0.2f))
                .body("scoring.horizons", equalTo(java.util.List.of("1m", "5m")))
                .body("dataNotes[0]", containsString("abstain"))
                .body("notes[0]", containsString("live engine"))
                .body("paper.initialEquity", equalTo(10000))
                .body("sample.kind", equalTo("IN_SAMPLE"))
                .body("sample.note", startsWith("in-sample: the defaults were tuned on 2024-10-01 03:00 → 2024-10-21 00:00 UTC"));
        int total = response.extract().path("decisionsTotal");
        java.util.List<String> marketTimes = response.extract().path("decisions.marketAt");
        assertEquals(Math.min(total, 500), marketTimes.size());
        // the rules sample every coin once a minute on market time: 2 coins x 59 closes, scored at 1 m where the data reaches
        assertEquals(2 * 58, (int) response.extract().path("scoring.byHorizon[0].overall.scored"));
        String jsonName = response.extract().path("output.json");
        assertTrue(jsonName.matches("backtest-test/backtest-rules-\\d{8}-\\d{6}-[0-9a-f]{16}\\.json"),
                "a name nobody can guess to plant a link under it: " + jsonName);
        Path json = DATA_DIR.resolve(jsonName);
        Path markdown = DATA_DIR.resolve(response.extract().path("output.markdown").toString());
        assertTrue(Files.readString(json).contains("\"buyAndHold\""));
        assertTrue(Files.readString(markdown).startsWith("# Backtest — RULES mode, BTC, ETH, live engine\n\n**Verdict: "));
        assertEquals((String) response.extract().path("verdict"), (String) response.extract().path("evaluation.verdict"));
        assertEquals((int) response.extract().path("scoring.byHorizon[1].overall.direction.calls"),
                (int) response.extract().path("evaluation.overall.direction.calls"), "the verdict's calls are the 5 m ones");
        assertEquals("5m", (String) response.extract().path("evaluation.horizon"));
        assertEquals(1, (int) response.extract().path("evaluation.trials"));
        assertTrue(Files.readString(DATA_DIR.resolve(response.extract().path("output.evaluation").toString()))
                .startsWith("group,name,directionCalls,directionHits,directionRate,"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("decision_backtest_runs_total{outcome=\"ok\"}"))
                .body(containsString("decision_backtest_frames_total{mode=\"RULES\"}"));
    }

    @Test
    void eachBadRequestIsA400NamingTheField() {
        post("").statusCode(400).body("field", equalTo("body"));
        post("{}").statusCode(400).body("field", equalTo("files"));
        post("{\"files\":{\"B TC\":\"x.csv\"}}").statusCode(400).body("field", equalTo("files.B TC"));
        post("{\"paths\":[\"candles.csv\"]}").statusCode(400).body("field", equalTo("paths"))
                .body("error", startsWith("cannot tell the coin"));
        post(slice("\"mode\":\"MAGIC\"")).statusCode(400).body("field", equalTo("mode"));
        post(slice("\"mode\":\"RULES\",\"policy\":\"SOMETIMES\"")).statusCode(400).body("field", equalTo("policy"));
        post(slice("\"autoMinConfidence\":11")).statusCode(400).body("field", equalTo("autoMinConfidence"));
        post(slice("\"entryCooldownSeconds\":-1")).statusCode(400).body("field", equalTo("entryCooldownSeconds"));
        post(slice("\"bidShare\":1.5")).statusCode(400).body("field", equalTo("bidShare"));
        // the strategy record's own range (RuleThresholds), checked and documented as the request's (BacktestBounds)
        post(slice("\"bidShare\":0.3")).statusCode(400).body("field", equalTo("bidShare"))
                .body("error", equalTo("bidShare must be 0.5 or more and at most 1, got 0.3"));
        post(slice("\"flowRatio\":0.5")).statusCode(400).body("field", equalTo("flowRatio"));
        post(slice("\"stopLossPct\":100")).statusCode(400).body("field", equalTo("stopLossPct"));
        post(slice("\"decisionsLimit\":0")).statusCode(400).body("field", equalTo("decisionsLimit"));
        post(slice("\"requireConfirmation\":1")).statusCode(400).body("field", equalTo("requireConfirmation"));
        post(slice("\"mode\":\"AI\",\"analyzerUrl\":\"ftp://x\"")).statusCode(400).body("field", equalTo("analyzerUrl"));
        post(slice("\"feePct\":-1")).statusCode(400).body("field", equalTo("feePct"))
                .body("error", equalTo("feePct must be 0 or more and at most 10, got -1"));
        post(slice("\"horizonsMinutes\":[1,1]")).statusCode(400).body("field", equalTo("horizonsMinutes"));
        post(slice("\"from\":\"yesterday\"")).statusCode(400).body("field", equalTo("from"));
        post(slice("\"from\":\"2024-10-01T04:00:00Z\",\"to\":\"2024-10-01T03:00:00Z\"")).statusCode(400)
                .body("field", equalTo("to"));
        post(slice("\"from\":\"2025-01-01T00:00:00Z\"")).statusCode(400).body("field", equalTo("files"))
                .body("error", startsWith("the files share fewer than 2 bars"));
        post(slice("\"feePct\":\"lots\"")).statusCode(400).body("field", equalTo("feePct"));
        post(slice("\"trials\":0")).statusCode(400).body("field", equalTo("trials"))
                .body("error", equalTo("trials must be 1-10000, got 0"));
        post(slice("\"trials\":\"3\"")).statusCode(400).body("field", equalTo("trials"));
        post(slice("\"edgeMode\":\"maybe\"")).statusCode(400).body("field", equalTo("edgeMode"));
        post(slice("\"walkForward\":{\"testHours\":1}")).statusCode(400).body("field", equalTo("walkForward.trainHours"));
        post(slice("\"walkForward\":{\"trainHours\":1,\"testHours\":2,\"stepHours\":1}")).statusCode(400)
                .body("field", equalTo("walkForward.stepHours"));
        post(slice("\"walkForward\":{\"trainHours\":1,\"testHours\":1,\"holdoutHours\":-1}")).statusCode(400)
                .body("field", equalTo("walkForward.holdoutHours"));
    }

    /**
     * 30 bars climbing 0.25 % a minute, the gate on for the run: a LONG call at every close 00:02-00:30, all stopped
     * (a cold record); those whose 15-minute horizon passed in the data (00:02-00:15: 14) join the service's record, as
     * calls of no known market (inline CSV): the desk's gate does not count them.
     */
    @Test
    void seedTrackRecordAddsTheRunsScoredCallsToTheServicesEdgeRecord() {
        int before = given().get("/api/status").then().statusCode(200).extract().path("edge.scoredCalls");
        String csv = EdgeGateTest.climb(30).replace("\n", "\\n");
        post("{\"csv\":{\"TST\":\"" + csv + "\"},\"mode\":\"RULES\",\"edgeMode\":\"gate\",\"seedTrackRecord\":true,"
                + "\"outputDir\":\"backtest-test\"}").statusCode(200)
                .body("decisionCounts.NO_EDGE", equalTo(29))
                .body("notes", org.hamcrest.Matchers.hasItem(startsWith("seeded the service's edge track record of "
                        + io.signaldesk.decision.engine.EdgeService.SEED_UNKNOWN + " with 14 scored calls")));
        // inline CSV is anyone's numbers: kept under a label no gate reads, never the desk's market
        given().get("/api/status").then().statusCode(200).body("edge.scoredCalls", equalTo(before))
                .body("edge.markets.'" + io.signaldesk.decision.engine.EdgeService.SEED_UNKNOWN + "'",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(14));
    }

    @Test
    void brokenOrMissingCandleFilesAre400sNamingTheCoinFileAndLine() {
        post("{\"files\":{\"BTC\":\"" + FIXTURES + "gap-BTC.csv\"}}").statusCode(400)
                .body("field", equalTo("files.BTC"))
                .body("error", equalTo(FIXTURES + "gap-BTC.csv line 4: gap: 2 minute(s) missing between "
                        + "2024-10-01T00:01:00Z (line 3) and 2024-10-01T00:04:00Z"));
        post("{\"files\":{\"BTC\":\"" + FIXTURES + "unsorted-BTC.csv\"}}").statusCode(400)
                .body("field", equalTo("files.BTC"))
                .body("error", containsString("unsorted-BTC.csv line 4: rows are not sorted"));
        post("{\"files\":{\"SOL\":\"no/such/SOLUSDT.csv\"}}").statusCode(400)
                .body("field", equalTo("files.SOL"))
                .body("error", equalTo("no/such/SOLUSDT.csv: no such file in the data directory (GET /api/backtest/files lists them)"));
    }

    @Test
    void aJobIsAcceptedWithItsLocationFollowedToItsReportAndBadOnesAreRefusedAtOnce() {
        String location = given().contentType(ContentType.JSON).body(slice("\"mode\":\"RULES\",\"to\":\"2024-10-01T04:00:00Z\""))
                .when().post("/api/backtest/jobs").then().statusCode(202)
                .body("state", equalTo("QUEUED")).extract().header("Location");
        assertTrue(location.matches(".*/api/backtest/jobs/[0-9a-f]{12}"), location);
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> !java.util.List.of("QUEUED", "RUNNING")
                .contains(given().get(location).then().statusCode(200).extract().<String>path("state")));
        given().get(location).then().statusCode(200).body("state", equalTo("DONE")).body("frames", equalTo(59))
                .body("totalFrames", equalTo(59)).body("progressPct", equalTo(100.0f))
                .body("report.frames", equalTo(59)).body("report.mode", equalTo("RULES"));
        given().get("/api/backtest/jobs").then().statusCode(200).body("report", everyItem(nullValue()));

        given().contentType(ContentType.JSON).body("{\"files\":{\"SOL\":\"no/such/SOLUSDT.csv\"}}")
                .when().post("/api/backtest/jobs").then().statusCode(400).body("field", equalTo("files.SOL"));
        given().get("/api/backtest/jobs/000000000000").then().statusCode(404).body("error", containsString("no backtest job"));
        given().get("/api/backtest/jobs/" + "x".repeat(300)).then().statusCode(400).body("field", equalTo("id"))
                .body("error", containsString("12 hex digits"));
        given().delete("/api/backtest/jobs/000000000000").then().statusCode(404);
        given().delete(location).then().statusCode(204);
        given().get(location).then().statusCode(404);
    }

    @Test
    void aWalkForwardJobIsFollowedToItsOutOfSampleReportAndItsMarkdownAndOneThatDoesNotFitIsRefusedAtOnce() {
        given().contentType(ContentType.JSON)
                .body(slice("\"mode\":\"RULES\",\"walkForward\":{\"trainHours\":2,\"testHours\":1,\"holdoutHours\":0}"))
                .when().post("/api/backtest/jobs").then().statusCode(400).body("field", equalTo("walkForward.trainHours"))
                .body("error", equalTo("train + test (3 h) do not fit in the 2 h of data before the holdout (0 h kept out)"));
        String location = given().contentType(ContentType.JSON)
                .body(slice("\"mode\":\"RULES\",\"walkForward\":{\"trainHours\":1,\"testHours\":1,\"holdoutHours\":0}"))
                .when().post("/api/backtest/jobs").then().statusCode(202).body("state", equalTo("QUEUED"))
                .extract().header("Location");
        await().atMost(java.time.Duration.ofSeconds(60)).until(() -> !java.util.List.of("QUEUED", "RUNNING")
                .contains(given().get(location).then().statusCode(200).extract().<String>path("state")));
        String markdown = given().get(location).then().statusCode(200).body("state", equalTo("DONE"))
                .body("frames", equalTo(119)).body("totalFrames", equalTo(119)).body("progressPct", equalTo(100.0f))
                .body("report.windows.size()", equalTo(1)).body("report.windows[0].testFrom", equalTo("2024-10-01T04:00:00Z"))
                .body("report.holdout", nullValue()).extract().path("report.output.markdown");
        String name = markdown.substring(markdown.lastIndexOf('/') + 1, markdown.length() - ".md".length());
        given().get("/api/backtest/reports/" + name).then().statusCode(200)
                .body(containsString("| 1 | 2024-10-01T04:00:00Z | 2024-10-01T05:00:00Z |"));
        given().delete(location).then().statusCode(204);
    }

    private static String slice(String extra) {
        return "{\"files\":{\"BTC\":\"" + FIXTURES + "BTCUSDT-1m-slice.csv\"},\"outputDir\":\"backtest-test\","
                + extra + "}";
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/backtest").then()
                .contentType(ContentType.JSON);
    }
}
