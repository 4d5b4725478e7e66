package io.signaldesk.decision.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.EquityPoint;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.SignalOutcomes.Outcome;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.Profiles;

/**
 * The ledger on a real PostgreSQL server (DECISION_DB_URL set): the same migrations and repositories as on SQLite,
 * and a proposal fills once even when a second decision service (a second ledger stack with its own connections)
 * confirms the same proposals at the same moment.
 */
@QuarkusTest
@TestProfile(Profiles.Postgres.class)
@ExtendWith(PostgresServer.Available.class)
class PostgresLedgerTest {

    @Inject
    Desk desk;

    @Inject
    ProposalRepository proposals;

    @Inject
    LedgerRepository ledger;

    @Inject
    SignalRepository signals;

    @Inject
    RiskRepository risk;

    @ConfigProperty(name = "decision.db.url")
    String url;

    @BeforeEach
    void rulesMode() {
        desk.rulesMode();
    }

    @Test
    void migratesPostgresWithTheSameVersionsAsSqlite() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                assertTrue(rs.getBoolean("success"));
                versions.add(rs.getString("version"));
            }
            assertEquals(List.of("1", "2", "3"), versions.subList(0, 3), "db/postgresql V1-V2, then db/migration");
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void confirmFillsOnceAndTheLedgerReadsBack() {
        String id = desk.proposeEntry(Market.bullish("PG1", "1000"));
        given().get("/api/proposals?status=PENDING").then().statusCode(200).body("id", hasItem(id));
        given().post("/api/proposals/" + id + "/confirm").then().statusCode(200)
                .body("proposalId", equalTo(id)).body("price", equalTo(1000.5f));
        given().post("/api/proposals/" + id + "/confirm").then().statusCode(409)
                .body("error", containsString("CONFIRMED"));

        assertEquals(1, ledger.fillCount(id));
        given().get("/api/proposals/" + id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        given().get("/api/portfolio").then().statusCode(200).body("positions.position.coin", hasItem("PG1"));
        given().get("/api/trades").then().statusCode(200).body("proposalId", hasItem(id));
        given().get("/api/decisions?limit=5").then().statusCode(200).body("proposalId", hasItem(id));
        assertTrue(ledger.equityCurve(10).size() >= 1, "an equity point per fill");
    }

    @Test
    void newestProposalsComeFirstAsOnSqlite() {
        String first = desk.proposeEntry(Market.bullish("PG2", "10"));
        String second = desk.proposeEntry(Market.bullish("PG3", "10"));
        List<Proposal> latest = proposals.list(ProposalStatus.PENDING, 2);
        assertEquals(List.of(second, first), latest.stream().map(Proposal::id).toList());
    }

    @Test
    void signalsSettingsRiskAndEquityRoundTrip() {
        Instant at = Instant.parse("2026-11-27T06:00:00.123Z");
        Signal signal = new Signal("PGS", "RULES", Direction.LONG, 7, new BigDecimal("100.25"), Direction.LONG, at);
        long a = signals.insert(signal, List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)));
        long b = signals.insert(signal, List.of(Duration.ofMinutes(1)));
        assertTrue(b > a, "ids grow");
        signals.scored(a, new Outcome(signal, Duration.ofMinutes(1), new BigDecimal("0.25"), Direction.LONG, true, false,
                true), new BigDecimal("100.5"), at.plusSeconds(60));
        signals.unscorable(a, Duration.ofMinutes(5), at.plusSeconds(300));
        assertTrue(signals.pending().stream().anyMatch(p -> p.signalId() == b));
        Outcome scored = signals.latestOutcomes(1).get(0);
        assertEquals(new BigDecimal("0.25"), scored.movePct());
        assertTrue(scored.hit() && scored.momentumOnlyHit() && !scored.alwaysWaitHit());
        assertTrue(signals.countUnscorable() >= 1);

        ledger.saveSetting("pg-test", "one");
        ledger.saveSetting("pg-test", "two");
        assertEquals("two", ledger.setting("pg-test").orElseThrow());

        RiskLimits limits = new RiskLimits(new BigDecimal("20"), 50, new BigDecimal("100"), new BigDecimal("100"), 0,
                1000, 100, new BigDecimal("10"));
        risk.save(limits, at);
        risk.save(limits, at.plusSeconds(1));
        assertEquals(limits, risk.limits().orElseThrow());

        ledger.addEquityPoint(new EquityPoint(at, new BigDecimal("10000.5")));
        ledger.addEquityPoint(new EquityPoint(at.plusSeconds(1), new BigDecimal("10001.5")));
        List<EquityPoint> curve = ledger.equityCurve(2);
        assertEquals(new BigDecimal("10001.5"), curve.get(1).equity(), "oldest first, newest last");
    }

    @Test
    void twoServicesConfirmingTheSameProposalsFillEachOnce() throws Exception {
        // A second decision service on the same database: its own connections, repositories and ledger.
        PGSimpleDataSource other = new PGSimpleDataSource();
        other.setURL(url);
        other.setUser(PostgresServer.USER);
        other.setPassword(PostgresServer.PASSWORD);
        ProposalRepository otherProposals = new ProposalRepository(new Db(other));
        LedgerRepository otherLedger = new LedgerRepository(new Db(other), otherProposals);

        int n = 12;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(desk.proposeEntry(Market.bullish("RACE" + i, "100")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> here = new ArrayList<>();
            List<Future<Boolean>> there = new ArrayList<>();
            for (String id : ids) {
                Proposal p = proposals.find(id).orElseThrow();
                here.add(pool.submit(race(start, () -> given().post("/api/proposals/" + id + "/confirm")
                        .then().extract().statusCode() == 200)));
                long lag = 20L * ids.indexOf(id); // staggered so that each side wins some of the races
                there.add(pool.submit(race(start, () -> {
                    Thread.sleep(lag);
                    return otherLedger.applyFill(id, ProposalStatus.CONFIRMED, null, fillOf(p), positionOf(p), null, null)
                            .applied();
                })));
            }
            start.countDown();
            int filledHere = 0;
            int filledThere = 0;
            for (int i = 0; i < n; i++) {
                boolean a = here.get(i).get();
                boolean b = there.get(i).get();
                assertTrue(a ^ b, "exactly one service filled " + ids.get(i) + " (here " + a + ", there " + b + ")");
                filledHere += a ? 1 : 0;
                filledThere += b ? 1 : 0;
                assertEquals(1, ledger.fillCount(ids.get(i)), "one fill for " + ids.get(i));
                assertEquals(ProposalStatus.CONFIRMED, proposals.find(ids.get(i)).orElseThrow().status());
                assertTrue(ledger.position("RACE" + i).isPresent());
            }
            assertEquals(n, filledHere + filledThere);
            System.out.printf("two services racing on %d proposals: %d filled here, %d by the other, none twice%n", n,
                    filledHere, filledThere);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Boolean> race(CountDownLatch start, Callable<Boolean> confirm) {
        return () -> {
            start.await();
            return confirm.call();
        };
    }

    private static Fill fillOf(Proposal p) {
        return new Fill(0, p.id(), ProposalKind.ENTRY, p.coin(), p.side(), p.size(), p.price(), BigDecimal.ZERO,
                BigDecimal.ZERO, "confirmed by the other service", Instant.now());
    }

    private static Position positionOf(Proposal p) {
        return new Position(p.coin(), p.side(), p.size(), p.price(), BigDecimal.ZERO, null, null, Instant.now(), p.id());
    }

    private Connection connect() throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds.getConnection(PostgresServer.USER, PostgresServer.PASSWORD);
    }

}
