package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * A backtest's report is whole or absent: when one of its files cannot be written (here its evaluation CSV, after its
 * Markdown), none of its files is left and the latest report is still the one before, where its JSON (written first)
 * stayed behind with the Markdown and the latest report linked to a decisions CSV and an evaluation that were not there.
 * On the real BTC and ETH candle slices.
 */
class WholeReportTest {

    @TempDir
    Path data;

    private BacktestService service;
    private BacktestReports reports;

    @BeforeEach
    void copySlices() throws Exception {
        Path from = Path.of(getClass().getResource("/backtest/BTCUSDT-1m-slice.csv").toURI()).getParent();
        Files.createDirectories(data.resolve("klines"));
        for (String name : List.of("BTCUSDT-1m-slice.csv", "ETHUSDT-1m-slice.csv")) {
            Files.copy(from.resolve(name), data.resolve("klines").resolve(name));
        }
        BacktestConfig live = new BacktestConfig(Map.of("strategy.edge.mode", "off"),
                new ModeSetting(Mode.RULES, Policy.VETO), false, 7, new RiskLimits(new BigDecimal("20"), 3,
                        new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3, new BigDecimal("0.2")));
        DataDirectory dir = DataDirectory.confined(data, "the test");
        service = new BacktestService(() -> live, dir);
        reports = new BacktestReports(dir);
    }

    @Test
    void aReportThatCannotBeWrittenWholeLeavesNoneOfItsFilesAndNoBrokenLatestReport() throws IOException {
        BacktestReport before = service.run(request());
        String latest = reports.latest().orElseThrow().name();
        List<Path> kept = files();

        BacktestService.Checked checked = service.check(request());
        BacktestInputException failure = assertThrows(BacktestInputException.class, () -> service.run(checked,
                new BacktestRunner.Progress() {
                    @Override
                    public void started(long totalFrames) {
                        // its decisions CSV is open: a folder where its evaluation CSV is to go makes that write fail
                        String csv = files().stream().map(p -> p.getFileName().toString())
                                .filter(n -> n.endsWith("-decisions.csv") && !before.output().get("decisions").endsWith(n))
                                .findFirst().orElseThrow();
                        try {
                            Files.createDirectory(data.resolve("out").resolve(csv.replace("-decisions.csv", "-evaluation.csv")));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public boolean at(long frames, Instant marketTime) {
                        return true;
                    }
                }));

        assertEquals("outputDir", failure.field());
        assertTrue(failure.getMessage().startsWith("cannot write the report to out"), failure.getMessage());
        List<Path> left = files();
        left.removeAll(kept);
        assertEquals(1, left.size(), "only the folder the test put in the way: " + left);
        assertTrue(Files.isDirectory(left.get(0)));
        assertEquals(Optional.of(latest), reports.latest().map(BacktestReports.Latest::name),
                "the latest report is still the whole one");
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(data.resolve("out"))) {
            return new java.util.ArrayList<>(files.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BacktestRequest request() {
        return new BacktestRequest(Map.of("BTC", "klines/BTCUSDT-1m-slice.csv", "ETH", "klines/ETHUSDT-1m-slice.csv"),
                null, null, null, "RULES", null, null, null, null, new BigDecimal("0.05"), null, null, null, null, null,
                null, null, null, null, null, null, null, null, 0, 10, "out", null);
    }
}
