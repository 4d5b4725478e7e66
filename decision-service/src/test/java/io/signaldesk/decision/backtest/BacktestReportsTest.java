package io.signaldesk.decision.backtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * GET /api/backtest/reports/latest reads the newest report a backtest wrote in the data directory (the dashboard's
 * "latest backtest" line), and GET /api/backtest/reports/{name} serves its Markdown by name, never by a path.
 */
@QuarkusTest
class BacktestReportsTest {

    @Test
    void theNewestReportIsTheOneJustWrittenWithItsVerdictBottomLineAndMarkdown() throws Exception {
        JsonPath run = given().contentType(ContentType.JSON).body("""
                {"paths":["backtest/BTCUSDT-1m-slice.csv"],"mode":"RULES","edgeMode":"off",
                 "to":"2024-10-01T04:00:00Z","outputDir":"backtest-latest"}""")
                .post("/api/backtest").then().statusCode(200).extract().jsonPath();
        String markdownFile = run.getString("output.markdown");
        String name = markdownFile.substring(markdownFile.lastIndexOf('/') + 1, markdownFile.length() - ".md".length());

        JsonPath latest = given().get("/api/backtest/reports/latest").then().statusCode(200).extract().jsonPath();
        assertEquals(name, latest.getString("name"));
        assertEquals(run.getString("output.json"), latest.getString("file"));
        assertEquals(run.getString("verdict"), latest.getString("verdict"));
        assertEquals("RULES", latest.getString("mode"));
        assertEquals(run.getInt("paper.trades"), latest.getInt("trades"));
        assertEquals(run.getInt("paper.wins"), latest.getInt("wins"));
        assertEquals(0, run.getObject("paper.returnPct", java.math.BigDecimal.class)
                .compareTo(latest.getObject("returnPct", java.math.BigDecimal.class)));
        assertEquals("/api/backtest/reports/" + name, latest.getString("report"));

        String markdown = given().get(latest.getString("report")).then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertEquals(Files.readString(Path.of("target/test-classes").resolve(markdownFile)), markdown);
        assertTrue(markdown.startsWith("# Backtest — RULES mode, BTC, live engine\n\n**Verdict: " + run.getString("verdict")),
                markdown.substring(0, Math.min(200, markdown.length())));
    }

    @Test
    void aReportIsNamedNeverPathed() {
        for (String name : new String[] { "..%2F..%2Fetc%2Fpasswd", "backtest-rules-20261207-101500-3f9a0c1d2e4b5a69.md",
                "backtest-RULES-20261207-101500-3f9a0c1d2e4b5a69", "backtest-rules-20261207-101500-3f9a0c1d2e4b5a6",
                "x".repeat(300) }) {
            given().urlEncodingEnabled(false).get("/api/backtest/reports/" + name).then().statusCode(400)
                    .body("field", equalTo("name"));
        }
        given().get("/api/backtest/reports/backtest-rules-20991231-235959-0000000000000000").then().statusCode(404)
                .body("error", equalTo("no backtest report backtest-rules-20991231-235959-0000000000000000"));
    }
}
