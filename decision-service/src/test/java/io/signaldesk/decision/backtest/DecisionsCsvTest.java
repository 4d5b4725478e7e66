package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/** A run's decisions go to its CSV as they are made; the report keeps only the page asked for. */
class DecisionsCsvTest {

    private static final Map<String, String> FILES = Map.of("BTC", "klines/BTCUSDT-1m-slice.csv", "ETH",
            "klines/ETHUSDT-1m-slice.csv");

    @TempDir
    Path data;

    private BacktestService service;

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
        service = new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
    }

    @Test
    void theCsvHasEveryDecisionAsTheReplayMadeThemAndTheReportOnlyThePageAsked() throws IOException {
        BacktestReport report = service.run(request(3, 4));
        List<BacktestDecision> all = service.replay(new CandleTape(candles(report.coins())), request(0, 1)).decisions();

        assertTrue(all.size() > 7, "the slices at momentum 0.05 % give decisions: " + all.size());
        assertEquals(all.size(), report.decisionsTotal());
        assertEquals(all.subList(3, 7), report.decisions());
        List<String> lines = Files.readAllLines(data.resolve(report.output().get("decisions")));
        assertEquals(BacktestMarkdown.csv(all), String.join("\n", lines) + "\n");
        assertEquals(1 + all.size(), lines.size());
    }

    @Test
    void aRunStoppedHalfwayLeavesNoHalfReport() throws IOException {
        BacktestService.Checked checked = service.check(request(0, 10));
        assertThrows(BacktestRunner.Cancelled.class, () -> service.run(checked, (frames, at) -> frames < 20));
        try (Stream<Path> files = Files.list(data.resolve("out"))) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** The files' candles, the coins in the run's order (the engine evaluates them in turn). */
    private AlignedCandles candles(List<String> coins) {
        return AlignedCandles.align(coins.stream().map(c -> CandleCsvReader.read(c, data.resolve(FILES.get(c)))).toList(),
                null, (Instant) null);
    }

    private static BacktestRequest request(int offset, int limit) {
        return new BacktestRequest(FILES, null, null, null, "RULES", null, null, null, null, new BigDecimal("0.05"), null,
                null, null, null, null, null, null, null, null, null, null, null, null, offset, limit, "out", null);
    }
}
