package io.signaldesk.decision.ledger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.RiskService;
import io.signaldesk.decision.engine.RiskService.Halt;
import io.signaldesk.decision.support.Profiles;

/**
 * A ledger that stops taking writes (SQLite's {@code PRAGMA query_only} on the one pooled connection: the writes fail
 * as on a read-only file, without root tricks): the kill switch still works, every refused change is a 503 naming the
 * cause, readiness and /api/status say it, and the service recovers by itself once the ledger takes writes again.
 * It shares the app of {@link LedgerRestartFirstRunTest} (the ledger on one pooled connection, one start fewer): it
 * begins unhalted and puts back the kill switch and the risk limits it found, so either may run first and the second
 * run finds what the first left.
 */
@QuarkusTest
@TestProfile(Profiles.RestartFirstRun.class)
class LedgerFaultTest {

    @Inject
    AgroalDataSource ledgerSource;

    @Inject
    RiskService risk;

    @Inject
    LedgerRepository ledger;

    private Halt haltBefore;
    private RiskLimits limitsBefore;

    @BeforeEach
    void unhalted() {
        haltBefore = risk.halt();
        limitsBefore = risk.limits();
        risk.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> risk.halt().durable());
    }

    @AfterEach
    void writableAsFound() throws SQLException {
        queryOnly(false);
        risk.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> risk.halt().durable());
        risk.update(limitsBefore);
        if (haltBefore.halted()) {
            risk.halt(haltBefore.reason());
            await().atMost(Duration.ofSeconds(30)).until(() -> risk.halt().durable());
        }
    }

    @Test
    void onAReadOnlyLedgerTheHaltHoldsAtOnceChangesAre503AndTheServiceRecoversByItself() throws SQLException {
        given().get("/q/health/ready").then().statusCode(200);
        queryOnly(true);

        given().contentType(ContentType.JSON).body("{\"reason\":\"disk test\"}").post("/api/decision/halt").then()
                .statusCode(200).body("halted", equalTo(true)).body("durable", equalTo(false));
        given().get("/api/decision/risk").then().statusCode(200)
                .body("halt.halted", equalTo(true)).body("halt.reason", equalTo("disk test"))
                .body("halt.durable", equalTo(false));

        given().contentType(ContentType.JSON).body("{\"maxOpenPositions\":2}").put("/api/decision/risk").then()
                .statusCode(503).header("Retry-After", equalTo("5"))
                .body("cause", equalTo("read-only")).body("error", startsWith("the ledger is read-only"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'ledger' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'ledger' }.data.fault", equalTo("read-only"));
        given().get("/api/status").then().statusCode(200)
                .body("ledger.ok", equalTo(false)).body("ledger.fault", equalTo("read-only"));
        assertEquals("false", ledger.setting("halted").orElse("false"), "not written yet");

        queryOnly(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> risk.halt().durable());
        assertEquals("true", ledger.setting("halted").orElseThrow(), "the halt written once the ledger took writes");
        assertEquals("disk test", ledger.setting("halt-reason").orElseThrow());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/api/status").then().body("ledger.ok", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"maxOpenPositions\":2}").put("/api/decision/risk").then()
                .statusCode(200);
    }

    /** The pool holds one connection (see the profile): the pragma reaches every write the service makes. */
    private void queryOnly(boolean on) throws SQLException {
        try (Connection connection = ledgerSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = " + (on ? "ON" : "OFF"));
        }
    }
}
