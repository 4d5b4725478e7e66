package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.engine.EdgeService;

/**
 * A seed's market is what the data says it is: its content listed as that market's (the repository's samples, or the
 * data directory's sources.json), never its file name. Real payloads: the first 120 Binance 1-minute candles of BTC and
 * ETH (test resources backtest/) and the first three minutes of the Binance BTC capture (captures/).
 */
class DataSourcesTest {

    private static final String UNKNOWN = EdgeService.SEED_UNKNOWN;

    @TempDir
    Path data;

    @Test
    void aFileIsOfTheMarketItsContentIsListedAsNeverOfItsName() throws Exception {
        Path real = copy("/backtest/BTCUSDT-1m-slice.csv", "mine/prices.csv");
        DataSources.Provenance unlisted = of(Map.of("mine/prices.csv", real));
        assertEquals(UNKNOWN, unlisted.market());
        assertTrue(unlisted.why().startsWith("mine/prices.csv (sha256 " + DataSources.sha256(real).substring(0, 12)), unlisted.why());

        manifest(Map.of(real, "binance"));
        assertEquals("binance", of(Map.of("mine/prices.csv", real)).market(), "listed by its content: Binance's");

        // a trader's own prices named as Binance names its candles: no listing, no market
        Path own = data.resolve("BTCUSDT-1m-2024Q4.csv");
        Files.writeString(own, EdgeGateTest.climb(10));
        assertEquals(UNKNOWN, of(Map.of("BTCUSDT-1m-2024Q4.csv", own)).market());

        // the listed file edited afterwards (one more candle): not what was listed
        Files.writeString(real, "2024-10-01 05:00:00,60800,60800,60800,60800,1\n", StandardOpenOption.APPEND);
        assertEquals(UNKNOWN, of(Map.of("mine/prices.csv", real)).market());
    }

    @Test
    void aCaptureIsListedTheSameWayAndAMixOfMarketsOrInlineCsvIsNoMarkets() throws Exception {
        Path capture = copy("/captures/spot-btcusdt_20240808-first3min.gz", "cap.gz");
        assertEquals(UNKNOWN, of(Map.of("cap.gz", capture)).market(), "the Binance format alone says nothing");
        Path btc = copy("/backtest/BTCUSDT-1m-slice.csv", "btc.csv");
        Path eth = copy("/backtest/ETHUSDT-1m-slice.csv", "eth.csv");
        manifest(Map.of(capture, "binance", btc, "binance", eth, "coinbase"));
        assertEquals("binance", of(Map.of("cap.gz", capture)).market());

        Map<String, Path> both = new LinkedHashMap<>();
        both.put("btc.csv", btc);
        both.put("eth.csv", eth);
        DataSources.Provenance mixed = of(both);
        assertEquals(UNKNOWN, mixed.market());
        assertEquals("the files are of several markets: binance, coinbase", mixed.why());

        DataSources.Provenance inline = DataSources.of(Map.of("btc.csv", btc), true, DataDirectory.confined(data, "test"));
        assertEquals(UNKNOWN, inline.market(), "a run with CSV in the request: anyone's numbers");
    }

    @Test
    void aManifestWithABadEntryListsNothingAndTheSeedSaysWhy() throws Exception {
        Path btc = copy("/backtest/BTCUSDT-1m-slice.csv", "btc.csv");
        Files.writeString(data.resolve(DataSources.MANIFEST), "{\"sources\":[{\"sha256\":\"" + DataSources.sha256(btc)
                + "\",\"market\":\"Binance!\"}]}");
        DataSources.Provenance bad = of(Map.of("btc.csv", btc));
        assertEquals(UNKNOWN, bad.market());
        assertTrue(bad.why().endsWith("sources.json not read: sources[0].market must be a venue's name (binance, coinbase, …)"),
                bad.why());
        Files.writeString(data.resolve(DataSources.MANIFEST), "{\"sources\":[{\"sha256\":" + 7 + ",\"market\":\"binance\"}]}");
        assertTrue(of(Map.of("btc.csv", btc)).why().endsWith("sources[0].sha256 must be 64 lower-case hex digits"));
    }

    /** The repository's samples are known by their bytes, whatever they are named in the data directory. */
    @Test
    void theSharedSampleFilesAreBinancesByTheirContent() throws Exception {
        Path shared = Path.of("../../shared/data");
        if (!Files.isDirectory(shared)) {
            String line = "DataSourcesTest: the sample data ../shared/data beside the repository";
            if (System.getenv("CI") != null) {
                Assertions.fail("CI needs " + line);
            }
            System.out.println("SKIP " + line);
            Assumptions.abort(line);
        }
        var samples = new ObjectMapper().readTree(DataSources.class.getResourceAsStream("/data-sources/samples.json"))
                .get("sources");
        assertEquals(7, samples.size(), "the 4 captures and 3 candle files of SOURCES.md");
        for (var sample : samples) {
            Path file = shared.resolve(sample.get("file").asText());
            assertEquals(sample.get("sha256").asText(), DataSources.sha256(file), file.toString());
        }
        Path renamed = data.resolve("q4.csv");
        Files.copy(shared.resolve("klines-1m/BTCUSDT-1m-2024Q4.csv"), renamed);
        assertEquals("binance", of(Map.of("q4.csv", renamed)).market());
    }

    private DataSources.Provenance of(Map<String, Path> files) {
        return DataSources.of(files, false, DataDirectory.confined(data, "test"));
    }

    private Path copy(String resource, String name) throws Exception {
        Path target = data.resolve(name);
        Files.createDirectories(target.getParent());
        try (var in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    private void manifest(Map<Path, String> markets) throws Exception {
        StringBuilder json = new StringBuilder("{\"sources\":[");
        markets.forEach((file, market) -> json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                .append("{\"file\":\"").append(data.relativize(file)).append("\",\"sha256\":\"")
                .append(DataSources.sha256(file)).append("\",\"market\":\"").append(market).append("\"}"));
        Files.writeString(data.resolve(DataSources.MANIFEST), json.append("]}"));
    }
}
