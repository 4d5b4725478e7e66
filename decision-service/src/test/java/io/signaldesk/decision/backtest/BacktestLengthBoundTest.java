package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/** A candle run longer than the heap holds is a 400 naming to, before it is read whole; a shorter range runs. */
class BacktestLengthBoundTest {

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
        BacktestConfig live = new BacktestConfig(Map.of(), new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
        // two 120-minute slices, 150 coin-minutes allowed: 75 a coin
        service = new BacktestService(() -> live, DataDirectory.confined(data, "the test")).maxCoinMinutes(150);
    }

    @Test
    void twoCoinsOfTwoHoursOverTheBoundAreRefusedNamingToAndTheBound() {
        BacktestInputException e = assertThrows(BacktestInputException.class, () -> service.run(request(null, null)));
        assertEquals("to", e.field());
        assertTrue(e.getMessage().contains("more than 75 bars in the range")
                && e.getMessage().contains("a run replays at most 150 coin-minutes here (75 a coin for 2 coins")
                && e.getMessage().contains("shorten the range with from/to or name fewer coins"), e.getMessage());
        assertTrue(e.getMessage().startsWith("klines/"), e.getMessage());
    }

    @Test
    void theSameFilesCutToAnHourRun() {
        BacktestReport report = service.run(request("2024-10-01T03:00:00Z", "2024-10-01T04:00:00Z"));
        assertEquals(59, report.frames());
        assertEquals(List.of("BTC", "ETH"), report.coins().stream().sorted().toList());
    }

    private static BacktestRequest request(String from, String to) {
        return new BacktestRequest(FILES, null, null, null, "RULES", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, from, to, null, null, null, "out", null);
    }
}
