package io.signaldesk.decision.backtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.ledger.BacktestJobRepository;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.RestartLedger;

/**
 * A backtest job's report survives a restart: a first service runs one job to its end and is then killed (dropped, no
 * stop, as a kill -9 leaves it) while a second job is running; a second service on the same ledger (migrated again, as at
 * a start, once the killed run's lease has run out) lists both, answers the first one's report as it was, and shows the
 * second INTERRUPTED with when and why, not as running. SQLite always; PostgreSQL when installed (the same portable migration, V15).
 */
class BacktestJobsRestartTest {

    /** As Quarkus's mapper writes REST answers: dates as ISO text. */
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @TempDir
    Path dir;

    @Test
    void aFinishedReportOnSqliteIsThereAfterARestartAndAKilledRunReadsInterrupted() throws Exception {
        aFinishedReportIsThereAfterARestartAndAKilledRunReadsInterrupted(RestartLedger.sqlite(dir.resolve("ledger.db")));
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void aFinishedReportOnPostgresIsThereAfterARestartAndAKilledRunReadsInterrupted() throws Exception {
            aFinishedReportIsThereAfterARestartAndAKilledRunReadsInterrupted(RestartLedger.postgres("backtest_jobs"));
        }
    }

    private static void aFinishedReportIsThereAfterARestartAndAKilledRunReadsInterrupted(RestartLedger ledger)
            throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        BacktestService firstService = new BacktestService(BacktestJobsRestartTest::settings, data()) {
            @Override
            BacktestReport run(Checked checked, BacktestRunner.Progress progress) {
                if (!"hang".equals(checked.outputDir().getFileName().toString())) {
                    return super.run(checked, progress);
                }
                progress.started(119); // written RUNNING; then the service dies under it
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the killed service's run never ends");
            }
        };
        BacktestJobs first = jobs(firstService, ledger);
        BacktestJob done = first.submit(slice("backtest-test"));
        BacktestJobRepository rows = new BacktestJobRepository(new Db(ledger.open()));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.all().stream()
                .anyMatch(r -> r.id().equals(done.id()) && "DONE".equals(r.state())));
        BacktestJob.View before = done.view(true);
        assertEquals(BacktestJob.State.DONE, before.state(), String.valueOf(before));
        JsonNode reportBefore = JSON.readTree(JSON.writeValueAsString(before.report())); // as GET answered it
        BacktestJob killed = first.submit(slice("hang"));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.all().stream()
                .anyMatch(r -> r.id().equals(killed.id()) && "RUNNING".equals(r.state())));
        // the first service is dropped here: no stop, its run never ends (a kill -9)

        // started again once the killed run's lease (60 s) has run out: nothing renews it any more
        BacktestJobs second = jobs(new BacktestService(BacktestJobsRestartTest::settings, data()), ledger,
                Clock.offset(Clock.systemUTC(), BacktestJobs.LEASE.plusSeconds(1)));
        try {
            List<BacktestJob.View> listed = second.all().stream().map(j -> j.view(false)).toList();
            assertEquals(List.of(done.id(), killed.id()), listed.stream().map(BacktestJob.View::id).toList());

            BacktestJob.View again = second.find(done.id()).orElseThrow().view(true);
            assertEquals(BacktestJob.State.DONE, again.state());
            assertEquals(before.finishedAt().truncatedTo(ChronoUnit.MILLIS), again.finishedAt(), "kept to the millisecond");
            assertEquals(119, again.frames());
            assertEquals(reportBefore, JSON.readTree(JSON.writeValueAsString(again.report())),
                    "the report as the trader read it before");
            assertEquals(10000, ((JsonNode) again.report()).path("paper").path("finalEquity").asInt());

            BacktestJob.View interrupted = second.find(killed.id()).orElseThrow().view(true);
            assertEquals(BacktestJob.State.INTERRUPTED, interrupted.state(), "not RUNNING: nothing runs it any more");
            assertEquals(BacktestJobs.INTERRUPTED, interrupted.error());
            assertNotNull(interrupted.startedAt());
            assertNotNull(interrupted.finishedAt(), "when the restarted service found it");
            assertNull(interrupted.report());

            // the ledger is free for a new run after the restart
            BacktestJob next = second.submit(slice("backtest-test"));
            await().atMost(Duration.ofSeconds(60)).until(next::finished);
            assertEquals(BacktestJob.State.DONE, next.state());
        } finally {
            second.stop();
            never.countDown();
            first.stop();
        }
    }

    private static BacktestJobs jobs(BacktestService service, RestartLedger ledger) {
        return jobs(service, ledger, Clock.systemUTC());
    }

    static BacktestJobs jobs(BacktestService service, RestartLedger ledger, Clock clock) {
        return new BacktestJobs(service, new BacktestJobRepository(new Db(ledger.started())), JSON, clock);
    }

    /**
     * A backtest that does {@code start} on its job's thread (announce its frames, some progress), then runs until the
     * test counts {@code release} down, and fails.
     */
    static BacktestService hanging(CountDownLatch release, java.util.function.Consumer<BacktestRunner.Progress> start) {
        return new BacktestService(BacktestJobsRestartTest::settings, data()) {
            @Override
            BacktestReport run(Checked checked, BacktestRunner.Progress progress) {
                start.accept(progress);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("released");
            }
        };
    }

    static BacktestConfig settings() {
        return new BacktestConfig(Map.of(), new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
    }

    static DataDirectory data() {
        try {
            Path slice = Path.of(BacktestJobsRestartTest.class.getResource("/backtest/BTCUSDT-1m-slice.csv").toURI());
            return DataDirectory.confined(slice.getParent().getParent(), "the test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BacktestRequest slice(String outputDir) {
        return new BacktestRequest(Map.of("BTC", "backtest/BTCUSDT-1m-slice.csv"), null, null, null, null, null, null, null,
                null, null, null, null, new BigDecimal("0.1"), BigDecimal.ZERO, null, null, null, null, null, null, null, null,
                null, null, null, outputDir, null);
    }
}
