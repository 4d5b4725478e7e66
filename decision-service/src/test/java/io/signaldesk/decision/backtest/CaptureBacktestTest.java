package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.market.binance.CaptureLimits;

/**
 * The backtest's {@code captures}: the first three minutes of the real BTC and ETH captures of 2024-08-08
 * (src/test/resources/captures, bookTicker lines left out) through market-data's pipeline into the live engine, and
 * every way a caller can name a capture badly.
 */
class CaptureBacktestTest {

    private static final List<String> CAPTURES = List.of("spot-btcusdt_20240808-first3min.gz",
            "spot-ethusdt_20240808-first3min.gz");

    @TempDir
    Path data;

    private BacktestService service;

    @BeforeEach
    void dataDirectory() throws IOException {
        for (String name : CAPTURES) {
            try (InputStream in = getClass().getResourceAsStream("/captures/" + name)) {
                Files.copy(in, data.resolve(name));
            }
        }
        BacktestConfig live = new BacktestConfig(Map.of("strategy.rules.momentum-pct", "0.03"),
                new ModeSetting(Mode.RULES, Policy.VETO), false, 7,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("3"), 0, 20, 3,
                        new BigDecimal("0.2")));
        service = new BacktestService(() -> live, DataDirectory.confined(data, "GET /api/backtest/files"));
    }

    @Test
    void capturesAreDecidedByTheLiveEngineOnTheirVenueTime() {
        BacktestReport report = service.run(request(CAPTURES));

        assertEquals("captures", report.data());
        assertEquals(List.of("BTC", "ETH"), report.coins());
        assertTrue(report.frames() > 1000, "one frame per coalesced snapshot: " + report.frames());
        assertTrue(report.decisionsTotal() > 0, "three minutes at momentum 0.03 % give decisions");
        Instant start = Instant.parse("2024-08-08T23:54:15Z");
        Instant end = Instant.parse("2024-08-08T23:57:16Z");
        for (BacktestDecision decision : report.decisions()) {
            assertTrue(decision.marketAt().isAfter(start) && decision.marketAt().isBefore(end), decision.toString());
        }
        assertTrue(report.decisions().stream().anyMatch(d -> d.marketAt().getNano() != 0),
                "marketAt is the venue time of the snapshot, not a whole second or minute");
        assertEquals(Map.of("captures[0]", CAPTURES.get(0), "captures[1]", CAPTURES.get(1)), report.inputs());
        String markdown = BacktestMarkdown.render(report);
        assertTrue(markdown.contains("- Settings: confirmation off (auto at confidence ≥ 7)"), markdown);
        // August 2024 is outside the weeks the defaults were tuned on: held out, and said so under the verdict, for the
        // defaults only, as this run's momentum threshold (0.03 %) is its own
        assertEquals(io.signaldesk.core.strategy.Tuning.Kind.HELD_OUT, report.sample().kind());
        assertTrue(markdown.contains("**\n\nHeld out: outside 2024-10-01 03:00 → 2024-10-21 00:00 UTC, the period the "
                + "defaults were tuned on (Binance BTC, ETH and SOL 1-minute candles); this run changes the rules' "
                + "thresholds from the defaults: "), markdown);
        assertFalse(markdown.contains("%s") || markdown.contains("%d"), "every placeholder filled: " + markdown);
    }

    @Test
    void aCaptureWithoutItsDepthSnapshotSaysTheCoinHadNoOrderBook() throws IOException {
        // the BTC capture as a later file of the session has it: the same lines without the depth snapshot the first holds
        List<String> lines;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve(CAPTURES.get(0))))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> withoutSnapshot = lines.stream().filter(line -> !line.contains("\"lastUpdateId\"")).toList();
        assertEquals(lines.size() - 1, withoutSnapshot.size(), "the capture holds one depth snapshot");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(data.resolve("spot-btcusdt-later.gz")))) {
            out.write((String.join("\n", withoutSnapshot) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        List<String> bookless = service.run(request(List.of("spot-btcusdt-later.gz", CAPTURES.get(1)))).dataNotes();
        List<String> whole = service.run(request(CAPTURES)).dataNotes();

        assertTrue(bookless.stream().anyMatch(note -> note.startsWith("no order book for BTC: the captures hold no depth "
                + "snapshot for it")), bookless.toString());
        assertFalse(bookless.stream().anyMatch(note -> note.contains("ETH:") || note.contains("for BTC, ETH")), bookless.toString());
        assertFalse(whole.stream().anyMatch(note -> note.startsWith("no order book")), whole.toString());
    }

    @Test
    void theSameCapturesGiveTheSameDecisionsEveryTime() {
        List<BacktestDecision> first = service.run(request(CAPTURES)).decisions();
        List<BacktestDecision> second = service.run(request(CAPTURES)).decisions();

        assertEquals(first.stream().map(CaptureBacktestTest::key).toList(), second.stream().map(CaptureBacktestTest::key).toList());
    }

    @Test
    void aMissingOrOutsideOrWronglyNamedCaptureIsA400NamingItsPlace() throws IOException {
        Files.writeString(data.resolve("notes.txt"), "no stream frames here\n");
        Files.writeString(data.resolve("candles.csv"), "timestamp,open,high,low,close,volume\n");

        assertField("captures[1]", List.of(CAPTURES.get(0), "absent.gz"), "no such file");
        assertField("captures[0]", List.of("../etc/passwd.gz"), "");
        assertField("captures[0]", List.of("/etc/passwd"), "");
        assertField("captures[0]", List.of("candles.csv"), ".gz and .txt");
        assertField("captures[0]", List.of("notes.txt"), "no Binance stream frame");
        assertField("captures[1]", List.of(CAPTURES.get(0), CAPTURES.get(0)), "given twice");
        assertField("captures", List.of(), "1-16");
    }

    @Test
    void capturesAndCandlesInOneRequestAreRefused() {
        BacktestRequest both = new BacktestRequest(Map.of("BTC", "candles.csv"), null, null, CAPTURES, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);

        BadInputException e = assertThrows(BadInputException.class, () -> service.run(both));
        assertEquals("captures", e.field());
    }

    @Test
    void aGzipBombStopsAtTheLineCapWithA400() throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(data.resolve("bomb.gz")))) {
            out.write("1 {\"stream\":\"btcusdt@trade\",\"data\":\"".getBytes());
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 4; i++) {
                out.write(zeros);
            }
        }

        assertField("captures[0]", List.of("bomb.gz"), "longer than");
    }

    @Test
    void theDecompressedTotalIsCapped() {
        List<Path> files = CAPTURES.stream().map(data::resolve).toList();
        CaptureTape tape = CaptureTape.of(files, CAPTURES, new CaptureLimits(200_000, 1 << 20));

        BadInputException e = assertThrows(BadInputException.class, () -> tape.frames().forEachRemaining(frame -> {
        }));
        assertEquals("captures", e.field());
        assertTrue(e.getMessage().contains("larger than 200000 bytes"), e.getMessage());
    }

    private void assertField(String field, List<String> captures, String message) {
        BadInputException e = assertThrows(BadInputException.class, () -> service.run(request(captures)));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains(data.toString()), "no server path in " + e.getMessage());
    }

    private static BacktestRequest request(List<String> captures) {
        return new BacktestRequest(null, null, null, captures, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, "reports", null);
    }

    private static String key(BacktestDecision d) {
        return String.join("|", d.coin(), d.outcome(), String.valueOf(d.direction()), d.source(), String.valueOf(d.marketAt()));
    }
}
