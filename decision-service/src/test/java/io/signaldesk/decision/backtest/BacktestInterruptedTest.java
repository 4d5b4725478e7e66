package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * A run whose thread is interrupted (the service stopping: the job worker's shutdownNow) stops at the next frame as the
 * service's failure, a 503 saying so (BacktestUnavailable), never a 400 blaming the request's outputDir or captures
 * (an interrupted run was reported as "cannot write the decisions to out"; and as files on JDK 17 are not closed by an
 * interrupt, it mostly ran on to its end past the service's stop); it leaves no half report. On the real candle slices
 * and the real August captures.
 */
class BacktestInterruptedTest {

    private static final List<String> CAPTURES = List.of("spot-btcusdt_20240808-first3min.gz",
            "spot-ethusdt_20240808-first3min.gz");

    @TempDir
    Path data;

    private BacktestService service;

    @BeforeEach
    void dataDirectory() throws Exception {
        Path slices = Path.of(getClass().getResource("/backtest/BTCUSDT-1m-slice.csv").toURI()).getParent();
        Files.createDirectories(data.resolve("klines"));
        for (String name : List.of("BTCUSDT-1m-slice.csv", "ETHUSDT-1m-slice.csv")) {
            Files.copy(slices.resolve(name), data.resolve("klines").resolve(name));
        }
        for (String name : CAPTURES) {
            try (InputStream in = getClass().getResourceAsStream("/captures/" + name)) {
                Files.copy(in, data.resolve(name));
            }
        }
        BacktestConfig live = new BacktestConfig(Map.of("strategy.edge.mode", "off"),
                new ModeSetting(Mode.RULES, Policy.VETO), false, 7, new RiskLimits(new BigDecimal("20"), 3,
                        new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3, new BigDecimal("0.2")));
        service = new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aCandleRunInterruptedAsTheServiceStopsIsTheServicesFailureNotTheOutputFolders() throws IOException {
        BacktestService.Checked checked = service.check(new BacktestRequest(Map.of("BTC", "klines/BTCUSDT-1m-slice.csv",
                "ETH", "klines/ETHUSDT-1m-slice.csv"), null, null, null, "RULES", null, null, null, null,
                new BigDecimal("0.05"), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, "out", null));

        BacktestUnavailable failure = assertThrows(BacktestUnavailable.class, () -> service.run(checked, interruptedAt(1)));

        assertTrue(failure.getMessage().startsWith("the backtest was interrupted: the service is stopping"),
                failure.getMessage());
        assertNoReport(data.resolve("out"));
    }

    @Test
    void aCaptureRunInterruptedAsTheServiceStopsIsTheServicesFailureNotTheCaptures() throws IOException {
        BacktestService.Checked checked = service.check(new BacktestRequest(null, null, null, CAPTURES, null, null,
                null, null, null, new BigDecimal("0.03"), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "out", null));

        BacktestUnavailable failure = assertThrows(BacktestUnavailable.class, () -> service.run(checked, interruptedAt(1)));

        assertTrue(failure.getMessage().startsWith("the backtest was interrupted: the service is stopping"),
                failure.getMessage());
        assertNoReport(data.resolve("out"));
    }

    /** A run told at frame {@code frame} that its thread is interrupted, as shutdownNow does to a job's. */
    private static BacktestRunner.Progress interruptedAt(long frame) {
        return new BacktestRunner.Progress() {
            @Override
            public void started(long totalFrames) {
            }

            @Override
            public boolean at(long frames, Instant marketTime) {
                if (frames == frame) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
        };
    }

    private static void assertNoReport(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "no half report");
        }
    }
}
