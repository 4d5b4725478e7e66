package io.signaldesk.decision.backtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.ledger.BacktestJobRepository;
import io.signaldesk.decision.ledger.ScratchLedger;

/**
 * A walk-forward as a backtest job, on six hours of the real Q4 BTC candles (2024-11-04 00:00 → 06:00 UTC; train 2 h,
 * test 1 h, the last hour held out: three windows of 180 bars): checked at once with the same 400s, run in the background
 * with the frames of all its windows as progress, cancellable, its out-of-sample report (JSON and Markdown) kept and
 * read back after a restart as a plain job's is.
 */
class WalkForwardJobTest {

    private static final String Q4 = "klines-1m/BTCUSDT-1m-2024Q4.csv";

    @TempDir
    Path data;

    private BacktestService service;
    private final ScratchLedger ledger = ScratchLedger.open();
    private BacktestJobs jobs;

    @BeforeEach
    void q4Candles() throws Exception {
        Path shared = Path.of("../../shared/data");
        if (!Files.isRegularFile(shared.resolve(Q4))) {
            String line = "WalkForwardJobTest: the sample candles ../shared/data/" + Q4 + " beside the repository";
            if (System.getenv("CI") != null) {
                Assertions.fail("CI needs " + line);
            }
            System.out.println("SKIP " + line);
            Assumptions.abort(line);
        }
        Files.createDirectories(data.resolve("klines-1m"));
        Files.copy(shared.resolve(Q4), data.resolve(Q4));
        BacktestConfig live = new BacktestConfig(Map.of(), new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
        service = new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
        jobs = jobs();
    }

    private BacktestJobs jobs() {
        return new BacktestJobs(service, new BacktestJobRepository(ledger.db()), BacktestJobsRestartTest.JSON,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (jobs != null) {
            jobs.stop();
        }
        ledger.close();
    }

    private static BacktestRequest request(BacktestRequest.WalkForward walkForward, List<String> captures) {
        return new BacktestRequest(captures == null ? Map.of("BTC", Q4) : null, null, null, captures, "RULES", null,
                null, null, null, null, null, null, new BigDecimal("0.1"), new BigDecimal("0.05"), null, null, null, null,
                null, null, captures == null ? "2024-11-04T00:00:00Z" : null, captures == null ? "2024-11-04T06:00:00Z" : null, null, null, null, "wf-test", null, null,
                "off", walkForward, null);
    }

    private static BacktestRequest threeWindows() {
        return request(new BacktestRequest.WalkForward(2, 1, null, 1, null), null);
    }

    private static BacktestJob.View done(BacktestJob job) {
        await().atMost(Duration.ofSeconds(120)).until(job::finished);
        return job.view(true);
    }

    @Test
    void aWalkForwardJobRunsInTheBackgroundWithTheFramesOfAllItsWindowsAndTheSameReportAsARunAtOnce() throws Exception {
        BacktestJob job = jobs.submit(threeWindows());
        BacktestJob.View view = done(job);
        assertEquals(BacktestJob.State.DONE, view.state(), String.valueOf(view));
        assertEquals(3 * 179L, view.totalFrames(), "three windows of 180 bars, one frame a bar from the second on");
        assertEquals(3 * 179, view.frames());
        assertEquals(100.0, view.progressPct());
        assertTrue(view.marketTime().isAfter(Instant.parse("2024-11-04T04:58:00Z")), "the last window's last bar: " + view);

        WalkForward.Report report = assertInstanceOf(WalkForward.Report.class, view.report());
        assertEquals(3, report.windows().size());
        assertEquals(Instant.parse("2024-11-04T02:00:00Z"), report.windows().get(0).testFrom());
        assertEquals(Instant.parse("2024-11-04T05:00:00Z"), report.windows().get(2).testTo());
        assertTrue(report.holdout().startsWith("kept out, not read: 2024-11-04T05:00:00Z"), report.holdout());
        assertEquals(3 * 179, report.frames());

        // these three BTC hours made no round trip, even with the gate off: judged as a plain backtest is, no edge
        assertEquals(0, report.expectancy().trades());
        assertEquals("nothing measured yet: no closed trades and no directional calls", report.verdict());
        assertFalse(report.edge());

        WalkForward.Report atOnce = service.walkForward(threeWindows());
        assertEquals(atOnce.windows(), report.windows(), "the same windows, figure for figure");
        assertEquals(atOnce.returnPct(), report.returnPct());

        // its reports are files of the data directory, the Markdown readable by name as a plain backtest's
        String markdown = report.output().get("markdown");
        assertTrue(markdown.matches("wf-test/walkforward-rules-\\d{8}-\\d{6}-[0-9a-f]{16}\\.md"), markdown);
        assertTrue(Files.isRegularFile(data.resolve(report.output().get("json"))));
        String name = markdown.substring("wf-test/".length(), markdown.length() - ".md".length());
        assertTrue(BacktestReports.isName(name));
        String text = new BacktestReports(DataDirectory.confined(data, "the test")).markdown(name).orElseThrow();
        assertTrue(text.contains("| 1 | 2024-11-04T02:00:00Z | 2024-11-04T03:00:00Z |"), text);
        assertTrue(text.contains("**Out of sample: " + report.verdict() + "**"), text);
        assertTrue(new BacktestReports(DataDirectory.confined(data, "the test")).latest().isEmpty(),
                "a walk-forward has no single verdict: not the latest backtest's line");
    }

    /**
     * A week after the tuning weeks (2024-10-22 → 10-29), BTC, ETH and SOL, the gate off: six windows of a day's train
     * and a day's test. The round trips entered in the six test days are judged together with the one verdict a plain
     * backtest has (19 of them: too few to claim an edge), and each window's own figure (one day) has no interval.
     */
    @Test
    void theRoundTripsOfAllTestDaysAreJudgedTogetherAndANonPositiveEdgeIsSaidSo() throws Exception {
        Path shared = Path.of("../../shared/data");
        for (String coin : List.of("ETH", "SOL")) {
            String file = "klines-1m/" + coin + "USDT-1m-2024Q4.csv";
            Files.copy(shared.resolve(file), data.resolve(file));
        }
        BacktestRequest week = new BacktestRequest(Map.of("BTC", Q4, "ETH", "klines-1m/ETHUSDT-1m-2024Q4.csv", "SOL",
                "klines-1m/SOLUSDT-1m-2024Q4.csv"), null, null, null, "RULES", null, null, null, null, null, null, null,
                new BigDecimal("0.1"), new BigDecimal("0.05"), null, null, null, null, null, null, "2024-10-22T00:00:00Z",
                "2024-10-29T00:00:00Z", null, null, null, "wf-test", null, null, "off",
                new BacktestRequest.WalkForward(24, 24, null, 0, null), null);
        WalkForward.Report report = service.walkForward(week);

        assertEquals(6, report.windows().size());
        int entered = report.windows().stream().mapToInt(w -> w.expectancy().trades()).sum();
        assertTrue(entered > 0, String.valueOf(report.windows()));
        assertEquals(entered, report.expectancy().trades(), "the test days' round trips, pooled");
        assertEquals(entered, report.alwaysLong().trades(), "the same entries and exits held long");
        int days = report.expectancy().days();
        assertTrue(days <= 6, "trades on the test days only: " + days);
        assertEquals(days >= io.signaldesk.core.evaluation.Expectancy.MIN_DAYS, report.expectancy().lowPct() != null);
        assertEquals(report.expectancy().positive(), report.edge());
        assertFalse(report.edge(), report.verdict());
        assertTrue(report.verdict().startsWith(entered < io.signaldesk.core.evaluation.Verdict.MIN_TRADES
                ? "too few trades to measure an edge: " + entered + " closed" : "no measured edge after costs"),
                report.verdict());
        for (WalkForward.Window w : report.windows()) {
            assertTrue(w.expectancy().trades() == 0 || w.expectancy().lowPct() == null, "one test day: no interval " + w);
        }
        assertEquals(io.signaldesk.core.strategy.Tuning.Kind.HELD_OUT, report.sample().kind(), report.sample().note());
    }

    @Test
    void aBadWalkForwardIsRefusedAtOnceNamingTheFieldAndNothingIsQueued() throws Exception {
        BadInputException missing = assertThrows(BadInputException.class,
                () -> jobs.submit(request(new BacktestRequest.WalkForward(null, 1, null, null, null), null)));
        assertEquals("walkForward.trainHours", missing.field());
        BadInputException overlap = assertThrows(BadInputException.class,
                () -> jobs.submit(request(new BacktestRequest.WalkForward(2, 2, 1, null, null), null)));
        assertEquals("walkForward.stepHours", overlap.field());
        // 6 h of data, 1 h held out: 5 + 1 do not fit; found before the job is accepted, not as a FAILED job
        BadInputException tooLong = assertThrows(BadInputException.class,
                () -> jobs.submit(request(new BacktestRequest.WalkForward(5, 1, null, 1, null), null)));
        assertEquals("walkForward.trainHours", tooLong.field());
        assertEquals("train + test (6 h) do not fit in the 5 h of data before the holdout (1 h kept out)", tooLong.getMessage());
        Files.writeString(data.resolve("capture.txt"), "");
        BadInputException captures = assertThrows(BadInputException.class, () -> jobs.submit(request(
                new BacktestRequest.WalkForward(2, 1, null, 1, null), List.of("capture.txt"))));
        assertEquals("walkForward", captures.field());
        assertEquals("walk-forward windows are cut from candles, not captures", captures.getMessage());
        assertTrue(jobs.all().isEmpty(), "nothing queued");
    }

    @Test
    void aWalkForwardStopsInTheWindowItIsInWhenAskedAndLeavesNoReport() throws Exception {
        BacktestService.Checked checked = service.check(threeWindows());
        List<Long> started = new ArrayList<>();
        List<Long> told = new ArrayList<>();
        assertThrows(BacktestRunner.Cancelled.class, () -> service.walkForward(checked, new BacktestRunner.Progress() {
            @Override
            public void started(long totalFrames) {
                started.add(totalFrames);
            }

            @Override
            public boolean at(long frames, Instant marketTime) {
                told.add(frames);
                return frames < 200; // in the second window (frames 180-358)
            }
        }));
        assertEquals(List.of(3 * 179L), started, "told once, every window counted");
        assertEquals(200, told.size(), "told after every frame, counting on across windows, stopped at the 200th");
        assertEquals(200L, told.get(told.size() - 1));
        assertFalse(service.running(), "a cancelled walk-forward lets the next backtest start");
        try (Stream<Path> written = Files.list(Files.createDirectories(data.resolve("wf-test")))) {
            assertEquals(List.of(), written.toList(), "no half report");
        }

        BacktestJob cancelled = jobs.submit(threeWindows());
        jobs.cancel(cancelled.id());
        BacktestJob.View view = done(cancelled);
        assertTrue(view.cancelRequested());
        assertTrue(view.state() == BacktestJob.State.CANCELLED || view.state() == BacktestJob.State.DONE, view.toString());
    }

    @Test
    void aFinishedWalkForwardJobsReportIsReadBackAfterARestartAsItWasAnswered() throws Exception {
        BacktestJob job = jobs.submit(threeWindows());
        BacktestJob.View before = done(job);
        assertEquals(BacktestJob.State.DONE, before.state(), String.valueOf(before));
        JsonNode answered = BacktestJobsRestartTest.JSON.readTree(BacktestJobsRestartTest.JSON.writeValueAsString(before.report()));
        await().atMost(Duration.ofSeconds(30)).until(() -> new BacktestJobRepository(ledger.db()).all().stream()
                .anyMatch(r -> r.id().equals(job.id()) && "DONE".equals(r.state())));
        jobs.stop();

        jobs = jobs(); // a service started again on the same ledger
        BacktestJob.View again = jobs.find(job.id()).orElseThrow().view(true);
        assertEquals(BacktestJob.State.DONE, again.state());
        assertEquals(3 * 179, again.frames());
        JsonNode report = (JsonNode) again.report();
        assertEquals(answered, report, "the out-of-sample report as the trader read it before");
        assertEquals(3, report.path("windows").size());
        assertNotNull(report.path("output").path("markdown").textValue());
    }
}
