package io.signaldesk.decision.backtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 12's file findings: the backtest reads and writes only inside the data directory (target/test-classes in
 * tests), by relative name, and its errors never quote a file.
 */
@QuarkusTest
class BacktestFileAccessTest {

    private static final Path DATA_DIR = BacktestResourceTest.DATA_DIR;
    private static final Path OUTSIDE = Path.of("target/outside-data-dir").toAbsolutePath();

    @BeforeAll
    static void linksLeadingOut() throws Exception {
        Files.createDirectories(OUTSIDE);
        Files.writeString(OUTSIDE.resolve("secret.csv"), "root:*:20228:0:99999:7:::\n");
        for (String link : new String[] { "escape.csv", "escape-dir" }) {
            Files.deleteIfExists(DATA_DIR.resolve(link));
        }
        Files.createSymbolicLink(DATA_DIR.resolve("escape.csv"), OUTSIDE.resolve("secret.csv"));
        Files.createSymbolicLink(DATA_DIR.resolve("escape-dir"), OUTSIDE);
        Files.writeString(DATA_DIR.resolve("shadow-like.csv"), "root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n");
    }

    @Test
    void absolutePathsAreRefusedWithoutReadingThem() {
        for (String path : new String[] { "/etc/shadow", "/etc/passwd", "/proc/self/environ", "/proc/self/pagemap" }) {
            post("{\"files\":{\"BTC\":\"" + path + "\"}}").statusCode(400)
                    .body("field", equalTo("files.BTC"))
                    .body("error", equalTo("files.BTC must be a name relative to the data directory, not an absolute path"))
                    .body(not(containsString("root:")));
        }
        post("{\"paths\":[\"/proc/self/environ\"]}").statusCode(400).body("field", equalTo("paths"));
    }

    @Test
    void dotDotAndLinksLeadingOutAreRefused() {
        post("{\"files\":{\"BTC\":\"../../../../etc/passwd\"}}").statusCode(400)
                .body("field", equalTo("files.BTC")).body("error", equalTo("files.BTC must not contain '..'"));
        post("{\"files\":{\"BTC\":\"backtest/../../pom.xml\"}}").statusCode(400).body("error", containsString("'..'"));
        post("{\"files\":{\"BTC\":\"escape.csv\"}}").statusCode(400)
                .body("error", equalTo("escape.csv: leads outside the data directory"))
                .body(not(containsString("root")));
        post("{\"files\":{\"BTC\":\"escape-dir/secret.csv\"}}").statusCode(400)
                .body("error", equalTo("escape-dir/secret.csv: leads outside the data directory"));
    }

    @Test
    void controlCharactersOverlongNamesAndOtherExtensionsAreRefused() {
        post("{\"files\":{\"BTC\":\"backtest/BTC\\u0000.csv\"}}").statusCode(400)
                .body("error", equalTo("files.BTC contains a control character or a backslash"));
        post("{\"files\":{\"BTC\":\"a\\nb.csv\"}}").statusCode(400).body("field", equalTo("files.BTC"));
        post("{\"files\":{\"BTC\":\"" + "a".repeat(5000) + ".csv\"}}").statusCode(400)
                .body("error", equalTo("files.BTC is longer than 200 characters"));
        post("{\"files\":{\"BTC\":\"application.properties\"}}").statusCode(400)
                .body("error", equalTo("application.properties: only .csv files can be read"));
    }

    @Test
    void aFileThatIsNotCandlesIsNamedWithItsLineButNotQuoted() {
        post("{\"files\":{\"BTC\":\"shadow-like.csv\"}}").statusCode(400)
                .body("field", equalTo("files.BTC"))
                .body("error", equalTo("shadow-like.csv line 1: expected the header 'timestamp,open,high,low,close,volume'"));
    }

    @Test
    void reportsAreWrittenOnlyInsideTheDataDirectory() {
        post(slice("\"outputDir\":\"../../etc/passwd\"")).statusCode(400)
                .body("field", equalTo("outputDir")).body("error", equalTo("outputDir must not contain '..'"));
        post(slice("\"outputDir\":\"/tmp/signal-desk-reports\"")).statusCode(400).body("field", equalTo("outputDir"));
        post(slice("\"outputDir\":\"escape-dir\"")).statusCode(400)
                .body("error", equalTo("escape-dir: leads outside the data directory"));
        post(slice("\"outputDir\":\"escape-dir/new/deeper\"")).statusCode(400)
                .body("error", equalTo("escape-dir/new/deeper: leads outside the data directory"));
        assertFalse(Files.exists(Path.of("/tmp/signal-desk-reports")));
        assertFalse(Files.exists(Path.of("target/etc")));
        try (var outside = Files.list(OUTSIDE)) {
            assertTrue(outside.allMatch(p -> p.getFileName().toString().equals("secret.csv")));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFilesEndpointListsCandleFilesByRelativeName() {
        given().when().get("/api/backtest/files").then().statusCode(200)
                .body("name", hasItem("backtest/BTCUSDT-1m-slice.csv"))
                .body("name", not(hasItem("escape.csv")))
                .body("name", not(hasItem("application.properties")))
                .body("find { it.name == 'backtest/BTCUSDT-1m-slice.csv' }.size", equalTo(
                        (int) DATA_DIR.resolve("backtest/BTCUSDT-1m-slice.csv").toFile().length()))
                .body("find { it.name == 'backtest/BTCUSDT-1m-slice.csv' }.modified", containsString("T"));
    }

    @Test
    void candlesSentInTheBodyAreBacktestedAndCapped() throws Exception {
        String csv = Files.readString(DATA_DIR.resolve("backtest/BTCUSDT-1m-slice.csv"));
        given().contentType(ContentType.JSON)
                .body(new java.util.HashMap<>(java.util.Map.of("csv", java.util.Map.of("BTC", csv), "outputDir", "backtest-test")))
                .when().post("/api/backtest").then().statusCode(200)
                .body("coins[0]", equalTo("BTC"))
                .body("frames", equalTo(119))
                .body("inputs.BTC", equalTo("csv.BTC"));
        post("{\"csv\":{\"BTC\":\"timestamp,open,high,low,close,volume\\nroot:*:20228\\n\"}}").statusCode(400)
                .body("field", equalTo("csv.BTC"))
                .body("error", equalTo("csv.BTC line 2: expected 6 columns, found 1"));
        post("{\"csv\":{\"BTC\":\"" + "x".repeat(BacktestService.MAX_INLINE_CSV + 1) + "\"}}").statusCode(400)
                .body("field", equalTo("csv.BTC")).body("error", containsString("longer than"));
    }

    @Test
    void aHugeFeeIsAShortErrorNotAGigabyte() {
        post(slice("\"feePct\":1e999999999")).statusCode(400)
                .body("field", equalTo("feePct"))
                .body("error", equalTo("feePct must be 0 or more and at most 10, got 1E+999999999"))
                .header("Content-Length", Integer::parseInt, lessThan(200));
    }

    private static String slice(String extra) {
        return "{\"files\":{\"BTC\":\"backtest/BTCUSDT-1m-slice.csv\"}," + extra + "}";
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/backtest").then()
                .contentType(ContentType.JSON);
    }
}
