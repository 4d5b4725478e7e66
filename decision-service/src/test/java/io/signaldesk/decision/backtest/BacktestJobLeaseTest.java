package io.signaldesk.decision.backtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.decision.ledger.BacktestJobRepository;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.support.PostgresServer;
import io.signaldesk.decision.support.RestartLedger;

/**
 * Two decision services on one ledger (as on a shared PostgreSQL): a second service starting while the first runs a
 * backtest job leaves that job RUNNING, as long as the first renews its lease (every 10 s, held 60 s); once the first
 * is killed (no stop, no renewals), the second marks the job INTERRUPTED at its first renewal after the lease ran out,
 * with the progress the first wrote at its last renewal.
 * The services' clocks are SimulatedClocks the test moves on (no waiting for a lease to run out). SQLite always;
 * PostgreSQL when installed.
 */
class BacktestJobLeaseTest {

    private static final Instant T0 = Instant.parse("2026-12-07T22:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondServiceOnSqliteLeavesALiveServicesJobRunningAndInterruptsItOnceItsLeaseRunsOut() throws Exception {
        aSecondServiceLeavesALiveServicesJobRunningAndInterruptsItOnceItsLeaseRunsOut(
                RestartLedger.sqlite(dir.resolve("ledger.db")));
    }

    @Nested
    @ExtendWith(PostgresServer.Available.class)
    class OnPostgres {

        @Test
        void aSecondServiceOnPostgresLeavesALiveServicesJobRunningAndInterruptsItOnceItsLeaseRunsOut() throws Exception {
            aSecondServiceLeavesALiveServicesJobRunningAndInterruptsItOnceItsLeaseRunsOut(
                    RestartLedger.postgres("backtest_lease"));
        }
    }

    private static void aSecondServiceLeavesALiveServicesJobRunningAndInterruptsItOnceItsLeaseRunsOut(
            RestartLedger ledger) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BacktestService hanging = BacktestJobsRestartTest.hanging(release, progress -> {
            progress.started(119); // written RUNNING; then it runs until the test releases it
            progress.at(40, Instant.parse("2024-10-01T00:40:00Z"));
        });
        SimulatedClock firstClock = new SimulatedClock(T0);
        SimulatedClock secondClock = new SimulatedClock(T0.plusSeconds(30));
        BacktestJobs first = BacktestJobsRestartTest.jobs(hanging, ledger, firstClock);
        BacktestJobs second = null;
        try {
            BacktestJob running = first.submit(BacktestJobsRestartTest.slice("hang"));
            BacktestJobRepository rows = new BacktestJobRepository(new Db(ledger.open()));
            await().atMost(Duration.ofSeconds(60)).until(() -> state(rows, running.id()).equals("RUNNING"));

            second = BacktestJobsRestartTest.jobs(new BacktestService(BacktestJobsRestartTest::settings,
                    BacktestJobsRestartTest.data()), ledger, secondClock);
            assertEquals(BacktestJob.State.RUNNING, second.find(running.id()).orElseThrow().state(),
                    "30 s into its 60 s lease: the first service's job is left alone");
            assertEquals("RUNNING", state(rows, running.id()));

            firstClock.advanceTo(T0.plusSeconds(50));
            first.renewLeases(); // the lease now runs to T0+110s
            secondClock.advanceTo(T0.plusSeconds(100));
            second.renewLeases();
            assertEquals("RUNNING", state(rows, running.id()), "renewed: still the first service's");
            BacktestJob.View elsewhere = second.find(running.id()).orElseThrow().view(false);
            assertEquals(BacktestJob.State.RUNNING, elsewhere.state());
            assertEquals(40, elsewhere.frames(), "its progress as the first service wrote it at its renewal");

            // the first service is killed here: no stop, no more renewals
            secondClock.advanceTo(T0.plusSeconds(111));
            second.renewLeases();
            assertEquals("INTERRUPTED", state(rows, running.id()), "its lease ran out at T0+110s");
            BacktestJob.View shown = second.find(running.id()).orElseThrow().view(false);
            assertEquals(BacktestJob.State.INTERRUPTED, shown.state());
            assertEquals(BacktestJobs.INTERRUPTED, shown.error());
            assertEquals(T0.plusSeconds(111), shown.finishedAt());
            assertEquals(40, shown.frames(), "the progress it had when its service was last heard from");
            assertEquals(Instant.parse("2024-10-01T00:40:00Z"), shown.marketTime());
        } finally {
            release.countDown();
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    private static String state(BacktestJobRepository rows, String id) {
        return rows.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().state();
    }
}
