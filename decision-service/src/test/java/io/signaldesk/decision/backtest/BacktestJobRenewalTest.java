package io.signaldesk.decision.backtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.decision.ledger.BacktestJobRepository;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.support.RestartLedger;

/**
 * The lease renewal every 10 s costs nothing to speak of on a desk with no job going: while a job runs it is written
 * (its lease renewed) once a renewal; once it has finished and been written, a renewal writes nothing and reads no
 * report (no whole-table read), only the unfinished jobs' leases.
 */
class BacktestJobRenewalTest {

    @TempDir
    Path dir;

    @Test
    void aRenewalWritesOnlyARunningJobAndNothingOnceItHasFinished() throws Exception {
        RestartLedger ledger = RestartLedger.sqlite(dir.resolve("ledger.db"));
        AtomicInteger transactions = new AtomicInteger();
        AtomicInteger wholeReads = new AtomicInteger();
        AtomicInteger prunes = new AtomicInteger();
        Db db = new Db(ledger.started()) {
            @Override
            public <T> T inTransaction(Work<T> work) {
                transactions.incrementAndGet();
                return super.inTransaction(work);
            }
        };
        BacktestJobRepository store = new BacktestJobRepository(db) {
            @Override
            public List<Row> all() {
                wholeReads.incrementAndGet();
                return super.all();
            }

            @Override
            public void keepFinished(int kept) {
                super.keepFinished(kept);
                prunes.incrementAndGet();
            }
        };
        CountDownLatch release = new CountDownLatch(1);
        BacktestService hanging = BacktestJobsRestartTest.hanging(release, progress -> progress.started(119));
        BacktestJobs jobs = new BacktestJobs(hanging, store, BacktestJobsRestartTest.JSON, Clock.systemUTC());
        try {
            BacktestJob job = jobs.submit(BacktestJobsRestartTest.slice("renewal"));
            await().atMost(Duration.ofSeconds(60)).until(() -> job.state() == BacktestJob.State.RUNNING);
            transactions.set(0);
            wholeReads.set(0);
            jobs.renewLeases();
            assertEquals(1, transactions.get(), "running: its row written once, its lease renewed");
            assertEquals(0, wholeReads.get(), "no read of every job and its report");

            int before = prunes.get();
            release.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> prunes.get() > before); // the last thing its end does
            assertEquals("FAILED", store.find(List.of(job.id())).get(0).state(), "its end written");
            transactions.set(0);
            for (int i = 0; i < 3; i++) {
                jobs.renewLeases();
            }
            assertEquals(0, transactions.get(), "finished and written: three renewals write nothing");
            assertEquals(0, wholeReads.get(), "nor read every job and its report");
            assertEquals(List.of(), store.unfinished(), "no job going");
        } finally {
            release.countDown();
            jobs.stop();
        }
    }

    /**
     * The job's "started" write (from its own thread) takes the lock a renewal holds while it writes: while the lock is
     * held the job's row stays QUEUED and its thread waits for that lock (the JVM's lock info names it, not merely some
     * lock); once let go, the row says RUNNING.
     */
    @Test
    void theStartedWriteWaitsForTheLockARenewalHolds() throws Exception {
        RestartLedger ledger = RestartLedger.sqlite(dir.resolve("started.db"));
        BacktestJobRepository rows = new BacktestJobRepository(new Db(ledger.started()));
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        BacktestService hanging = BacktestJobsRestartTest.hanging(release, progress -> {
            worker.set(Thread.currentThread());
            progress.started(119);
        });
        BacktestJobs jobs = new BacktestJobs(hanging, rows, BacktestJobsRestartTest.JSON, Clock.systemUTC());
        try {
            BacktestJob job;
            Thread holder = Thread.currentThread(); // awaitility asks from a thread of its own
            synchronized (jobs) { // as renewLeases holds it
                job = jobs.submit(BacktestJobsRestartTest.slice("started"));
                await().atMost(Duration.ofSeconds(60)).until(() -> worker.get() != null
                        && (waitsFor(worker.get(), jobs, holder) || !state(rows, job.id()).equals("QUEUED")));
                assertEquals("QUEUED", state(rows, job.id()), "not written RUNNING while the lock is held");
                assertTrue(waitsFor(worker.get(), jobs, holder), "the job's thread waits for this lock, held by this thread");
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> state(rows, job.id()).equals("RUNNING"));
        } finally {
            release.countDown();
            jobs.stop();
        }
    }

    /**
     * Whether {@code thread} is blocked on the monitor of {@code lock}, which {@code holder} holds (not on any other lock:
     * a log appender's, the ledger's), as the JVM reports it.
     */
    private static boolean waitsFor(Thread thread, Object lock, Thread holder) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
        return info != null && info.getThreadState() == Thread.State.BLOCKED && info.getLockInfo() != null
                && info.getLockInfo().getIdentityHashCode() == System.identityHashCode(lock)
                && info.getLockOwnerId() == holder.getId();
    }

    private static String state(BacktestJobRepository rows, String id) {
        return rows.find(List.of(id)).get(0).state();
    }
}
