package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * A seeding capture run (a job: checked when submitted, run later) counts for the market of the capture it reads,
 * hashed when the run reads it: a capture listed as Binance's in sources.json when the job was submitted and replaced
 * by other data before it ran seeds no market (it seeded Binance's record with the other data's calls). On the real
 * BTC and ETH captures of 2024-08-08.
 */
class CaptureSeedMarketTest {

    @TempDir
    Path data;

    private final List<String> markets = new ArrayList<>();
    private BacktestService service;

    @BeforeEach
    void dataDirectory() throws IOException {
        copy("spot-btcusdt_20240808-first3min.gz", "session.gz");
        Files.writeString(data.resolve(DataSources.MANIFEST), "{\"sources\":[{\"sha256\":\""
                + DataSources.sha256(data.resolve("session.gz")) + "\",\"market\":\"binance\"}]}");
        BacktestConfig live = new BacktestConfig(Map.of("strategy.rules.momentum-pct", "0.03", "strategy.edge.horizon", "1m"),
                new ModeSetting(Mode.RULES, Policy.VETO), false, 7, new RiskLimits(new BigDecimal("20"), 3,
                        new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3, new BigDecimal("0.2")));
        service = new BacktestService(() -> live, DataDirectory.confined(data, "the test"), (calls, market) -> {
            markets.add(market);
            return calls.size();
        });
    }

    @Test
    void aCaptureReplacedAfterItsJobWasCheckedSeedsNoMarket() throws IOException {
        BacktestService.Checked checked = service.check(request());
        copy("spot-ethusdt_20240808-first3min.gz", "session.gz"); // replaced before the job runs

        BacktestReport report = service.run(checked, BacktestRunner.Progress.NONE);

        assertEquals(List.of(EdgeService.SEED_UNKNOWN), markets, "the data read is listed as no market's");
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("session.gz (sha256 ")), report.notes().toString());
    }

    @Test
    void theCaptureListedAsBinancesSeedsBinance() {
        service.run(service.check(request()), BacktestRunner.Progress.NONE);

        assertEquals(List.of("binance"), markets);
    }

    private void copy(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/captures/" + resource)) {
            Files.copy(in, data.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static BacktestRequest request() {
        return new BacktestRequest(null, null, null, List.of("session.gz"), "RULES", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, "out", null, null,
                "gate", null, true);
    }
}
