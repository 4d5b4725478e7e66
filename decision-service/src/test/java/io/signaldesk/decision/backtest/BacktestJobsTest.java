package io.signaldesk.decision.backtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.ledger.BacktestJobRepository;
import io.signaldesk.decision.ledger.ScratchLedger;

/** Backtests as jobs on 120 real BTC bars: checked at once, run in the background with progress, cancellable, bounded. */
class BacktestJobsTest {

    private final BacktestService service = service();
    private final ScratchLedger ledger = ScratchLedger.open();
    private final BacktestJobs jobs = new BacktestJobs(service, new BacktestJobRepository(ledger.db()), BacktestJobsRestartTest.JSON,
            Clock.systemUTC());

    @AfterEach
    void stop() {
        jobs.stop();
        ledger.close();
    }

    private static BacktestService service() {
        try {
            Path dir = Path.of(BacktestJobsTest.class.getResource("/backtest/BTCUSDT-1m-slice.csv").toURI()).getParent();
            BacktestConfig live = new BacktestConfig(Map.of(), new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                    new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                            new BigDecimal("0.2")));
            return new BacktestService(() -> live, DataDirectory.confined(dir.getParent(), "the test"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BacktestRequest slice(String coinFile) {
        return new BacktestRequest(Map.of("BTC", coinFile), null, null, null, null, null, null, null, null, null, null,
                null, new BigDecimal("0.1"), BigDecimal.ZERO, null, null, null, null, null, null, null, null, null, null,
                null, "backtest-test", null);
    }

    private BacktestJob.View done(BacktestJob job) {
        await().atMost(Duration.ofSeconds(60)).until(job::finished);
        return job.view(true);
    }

    @Test
    void aJobOfThisRunOutlivesOlderFinishedJobsReadOnceTheLedgerAnswersAgain() {
        BacktestJobRepository store = new BacktestJobRepository(ledger.db());
        java.time.Instant yesterday = java.time.Instant.now().minus(Duration.ofDays(1));
        for (int i = 0; i < BacktestJobs.KEPT; i++) {
            java.time.Instant at = yesterday.plusSeconds(i * 60L);
            store.save(new BacktestJobRepository.Row("old" + i, "FAILED", at, at, at.plusSeconds(1), 0, null, null,
                    "cancelled", null, null));
        }
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        BacktestJobRepository flaky = new BacktestJobRepository(ledger.db()) {
            @Override
            public int interruptUnfinished(java.time.Instant at, String why, java.util.Collection<String> ours) {
                failWhileDown();
                return super.interruptUnfinished(at, why, ours);
            }

            @Override
            public void save(Row row, String owner, java.time.Instant leaseUntil) {
                failWhileDown();
                super.save(row, owner, leaseUntil);
            }

            @Override
            public void keepFinished(int kept) {
                failWhileDown();
                super.keepFinished(kept);
            }

            private void failWhileDown() {
                if (down.get()) {
                    throw new io.signaldesk.decision.ledger.Db.StorageException(new java.sql.SQLException("ledger down"));
                }
            }
        };
        BacktestJobs restarted = new BacktestJobs(service, flaky, BacktestJobsRestartTest.JSON, Clock.systemUTC());
        try {
            BacktestJob job = restarted.submit(slice("backtest/BTCUSDT-1m-slice.csv"));
            assertEquals(BacktestJob.State.DONE, done(job).state());
            down.set(false);

            List<String> kept = restarted.all().stream().map(BacktestJob::id).sorted().toList();
            List<String> expected = new ArrayList<>(List.of(job.id()));
            for (int i = 1; i < BacktestJobs.KEPT; i++) {
                expected.add("old" + i);
            }
            assertEquals(expected.stream().sorted().toList(), kept,
                    "the newest ten by submission: this run's job kept, the oldest read later forgotten");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aJobRunsInTheBackgroundWithItsProgressAndKeepsTheSameReportAsARunAtOnce() {
        BacktestJob job = jobs.submit(slice("backtest/BTCUSDT-1m-slice.csv"));
        BacktestJob.View view = done(job);
        assertEquals(BacktestJob.State.DONE, view.state(), String.valueOf(view));
        assertEquals(119, view.frames());
        assertEquals(119L, view.totalFrames(), "a candle tape knows its frames: one a bar from the second on");
        assertEquals(100.0, view.progressPct());
        assertNotNull(view.marketTime());
        assertNotNull(view.startedAt());
        assertNotNull(view.finishedAt());
        BacktestReport atOnce = service.run(slice("backtest/BTCUSDT-1m-slice.csv"));
        assertEquals(atOnce.paper(), ((BacktestReport) view.report()).paper());
        assertEquals(atOnce.decisionCounts(), ((BacktestReport) view.report()).decisionCounts());
        assertEquals(List.of(job.id()), jobs.all().stream().map(BacktestJob::id).toList());
    }

    @Test
    void aBadRequestABrokenCandleFileOrAPeriodTheFilesDoNotCoverIsRefusedAtOnceNamingTheField() {
        BadInputException refused = assertThrows(BadInputException.class,
                () -> jobs.submit(slice("no/such/BTCUSDT.csv")));
        assertEquals("files.BTC", refused.field());

        // the candles are read when the job is asked for, as a run at once reads them: the same 400s, no FAILED job
        BadInputException broken = assertThrows(BadInputException.class, () -> jobs.submit(slice("backtest/gap-BTC.csv")));
        assertEquals("files.BTC", broken.field());
        assertTrue(broken.getMessage().contains("gap"), broken.getMessage());

        BacktestRequest slice = slice("backtest/BTCUSDT-1m-slice.csv");
        BacktestRequest later = new BacktestRequest(slice.files(), null, null, null, null, null, null, null, null, null,
                null, null, new BigDecimal("0.1"), BigDecimal.ZERO, null, null, null, null, null, null,
                "2025-01-01T00:00:00Z", null, null, null, null, "backtest-test", null); // from: after the slice's last bar
        BadInputException uncovered = assertThrows(BadInputException.class, () -> jobs.submit(later));
        assertEquals("files", uncovered.field());
        assertTrue(uncovered.getMessage().matches("the files share fewer than 2 bars within the requested range: BTC \\d+ "
                + "bars 2024-10-01T03:00:00Z → \\S+"), uncovered.getMessage()); // no trailing separator
        assertTrue(jobs.all().isEmpty(), "nothing queued");
    }

    @Test
    void aRunStopsWhenItsProgressSaysSoAndTheNextRunsAfterIt() {
        List<Long> told = new ArrayList<>();
        BacktestService.Checked checked = service.check(slice("backtest/BTCUSDT-1m-slice.csv"));
        assertThrows(BacktestRunner.Cancelled.class, () -> service.run(checked, (frames, marketTime) -> {
            told.add(frames);
            return frames < 10;
        }));
        assertEquals(10, told.size(), "told after every frame, stopped at the tenth");
        assertTrue(!service.running(), "a cancelled run lets the next one start");
        assertEquals(119, service.run(checked, BacktestRunner.Progress.NONE).frames());
    }

    @Test
    void aCancelledJobEndsCancelledOrDoneAndFinishedJobsAreForgottenBeyondTheLastTen() {
        BacktestJob cancelled = jobs.submit(slice("backtest/BTCUSDT-1m-slice.csv"));
        jobs.cancel(cancelled.id());
        BacktestJob.View view = done(cancelled);
        assertTrue(view.cancelRequested());
        // 119 frames may all be replayed before the request is seen; either way it ends, and never as a failure
        assertTrue(view.state() == BacktestJob.State.CANCELLED || view.state() == BacktestJob.State.DONE, view.toString());

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BacktestJobs.KEPT + 1; i++) {
            BacktestJob job = jobs.submit(slice("backtest/BTCUSDT-1m-slice.csv"));
            done(job);
            ids.add(job.id());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.all().size() == BacktestJobs.KEPT);
        assertEquals(ids.subList(1, ids.size()), jobs.all().stream().map(BacktestJob::id).toList(), "the oldest go first");
        assertTrue(jobs.cancel(ids.get(5)).isPresent());
        assertTrue(jobs.find(ids.get(5)).isEmpty(), "a finished job is forgotten on DELETE");
        assertEquals(BacktestJobs.KEPT - 1, new BacktestJobRepository(ledger.db()).all().size(), "and in the ledger");
    }
}
