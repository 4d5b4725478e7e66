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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleCsvReaderTest {

    private static final String HEADER = "timestamp,open,high,low,close,volume\n";
    private static final String BAR0 = "2024-10-01 00:00:00,100,101,99,100.5,3\n";
    private static final String BAR1 = "2024-10-01 00:01:00,100.5,101,100,100.8,2\n";
    private static final String BAR2 = "2024-10-01 00:02:00,100.8,101,100,100.9,2\n";

    @TempDir
    Path dir;

    @Test
    void readsAGoodFileInAnyOfTheThreeTimestampForms() throws IOException {
        CandleSeries series = CandleCsvReader.read("BTC", write("good.csv", HEADER + BAR0
                + "2024-10-01T00:01:00Z,100.5,101,100,100.8,2\n" + "1727740920000,100.8,101,100,100.9,2\n"));
        assertEquals(3, series.bars());
        assertEquals(Instant.parse("2024-10-01T00:02:00Z"), series.time(2));
        assertEquals(new BigDecimal("100.9"), series.closes().get(2));
        assertEquals(List.of(), series.notes());
    }

    @Test
    void exactDuplicateRowsAndBlankLinesAreDroppedWithANoteNamingTheLine() throws IOException {
        CandleSeries series = CandleCsvReader.read("BTC", write("dup.csv", HEADER + BAR0 + BAR1 + BAR1 + "\n" + BAR2));
        assertEquals(3, series.bars());
        assertEquals(2, series.notes().size());
        assertTrue(series.notes().stream().anyMatch(n -> n.endsWith("dup.csv line 4: exact duplicate of line 3 dropped")),
                series.notes().toString());
        assertTrue(series.notes().stream().anyMatch(n -> n.endsWith("dup.csv line 5: blank line skipped")),
                series.notes().toString());
    }

    @Test
    void aFileOfManyBlankLinesListsTheFirstNotesAndCountsTheRest() throws IOException {
        CandleSeries series = CandleCsvReader.read("BTC", write("blank.csv", HEADER + BAR0 + "\n".repeat(1000) + BAR1));
        assertEquals(2, series.bars());
        assertEquals(CandleCsvReader.MAX_NOTES + 1, series.notes().size());
        assertTrue(series.notes().get(CandleCsvReader.MAX_NOTES).endsWith("blank.csv: 950 more blank line(s) skipped (not listed)"),
                series.notes().toString());
    }

    @Test
    void aGapBeforeAnUnsortedRowIsReportedAsUnsortedAndABadRowAfterBothFirst() throws IOException {
        rejected(HEADER + BAR0 + BAR2 + BAR1 + BAR2, "line 4: rows are not sorted");
        rejected(HEADER + BAR0 + BAR2 + BAR1 + "2024-10-01 00:03:00,1,1,1,x,1\n", "line 5: close is not a number");
    }

    @Test
    void onlyTheBarsInTheRangeAreKeptAndEveryRowIsStillChecked() throws IOException {
        CandleCsvReader.Keep minute = new CandleCsvReader.Keep(Instant.parse("2024-10-01T00:01:00Z"),
                Instant.parse("2024-10-01T00:02:00Z"), 10);
        CandleSeries series = CandleCsvReader.read("BTC", "range.csv", write("range.csv", HEADER + BAR0 + BAR1 + BAR2), minute);
        assertEquals(3, series.bars());
        assertEquals(Instant.parse("2024-10-01T00:01:00Z"), series.keptFrom());
        assertEquals(List.of(new BigDecimal("100.8")), List.of(series.closes().get(0)));
        assertEquals(1, series.closes().size());
        Path broken = write("late.csv", HEADER + BAR0 + BAR1 + BAR2 + "2024-10-01 00:03:00,1,1,1,x,1\n");
        CandleFileException e = assertThrows(CandleFileException.class, () -> CandleCsvReader.read("BTC", "late.csv", broken, minute));
        assertTrue(e.getMessage().contains("line 5: close is not a number"), e.getMessage());
    }

    @Test
    void aFileWithMoreBarsInTheRangeThanAllowedIsReadNoFurther() throws IOException {
        Path file = write("long.csv", HEADER + BAR0 + BAR1 + BAR2 + "not a row\n");
        CandleCsvReader.TooLong e = assertThrows(CandleCsvReader.TooLong.class,
                () -> CandleCsvReader.read("BTC", "long.csv", file, new CandleCsvReader.Keep(null, null, 2)));
        assertEquals("long.csv: more than 2 bars in the range (read up to 2024-10-01T00:02:00Z)", e.getMessage());
        assertEquals("BTC", e.coin());
    }

    @Test
    void eachBrokenFileIsRejectedWithTheFileAndLineInTheMessage() throws IOException {
        rejected("open,high\n" + BAR0, "line 1: expected the header");
        rejected(HEADER + BAR0 + "2024-10-01 00:01:00,100,101,99\n", "line 3: expected 6 columns, found 4");
        rejected(HEADER + BAR0 + "2024-10-01 00:01:00,100,1O1,99,100,1\n", "line 3: high is not a number");
        rejected(HEADER + BAR0 + "2024-10-01 00:01:00,100,101,99,-100,1\n", "line 3: close must be positive");
        rejected(HEADER + BAR0 + "2024-10-01 00:01:00,100,101,99,100,-1\n", "line 3: volume must be zero or more");
        rejected(HEADER + BAR0 + "2024-10-01 00:01:00,100,101,99,102,1\n", "line 3: high and low do not enclose open and close");
        rejected(HEADER + BAR0 + "yesterday,100,101,99,100,1\n", "line 3: timestamp is not");
        rejected(HEADER + BAR0 + "2024-10-01 00:01:30,100,101,99,100,1\n", "line 3: timestamp 2024-10-01T00:01:30Z is not on a whole minute");
        rejected(HEADER + BAR0 + BAR2 + BAR1, "line 4: rows are not sorted: 2024-10-01T00:01:00Z comes after 2024-10-01T00:02:00Z (line 3)");
        rejected(HEADER + BAR0 + BAR2, "line 3: gap: 1 minute(s) missing between 2024-10-01T00:00:00Z (line 2) and 2024-10-01T00:02:00Z");
        rejected(HEADER + BAR0 + "2024-10-01 00:00:00,100,101,99,100.6,3\n", "line 3: timestamp 2024-10-01T00:00:00Z repeats line 2 with other values");
        rejected(HEADER, "no candles after the header");
        rejected(HEADER + BAR0 + "2024-10-01 00:01:00,1e999999999,1e999999999,99,100,1\n", "line 3: open is out of range (at most 1e9");
        rejected(HEADER + BAR0 + "2024-10-01 00:01:00," + "1".repeat(600) + "\n", "line 3: line longer than 512 characters");
    }

    @Test
    void messagesNameTheFileAndLineButNeverQuoteItsContents() throws IOException {
        String secret = "root:*:20228:0:99999:7:::";
        for (String content : new String[] { secret + "\n", HEADER + secret + "\n", HEADER + BAR0 + "2024-10-01 00:01:00," + secret + ",1,1,1,1\n",
                HEADER + BAR0 + secret.replace(':', ',').substring(0, 20) + "\n", HEADER + "SECRET_KEY=abc,1,1,1,1,1\n" }) {
            Path file = write("secret.csv", content);
            CandleFileException e = assertThrows(CandleFileException.class, () -> CandleCsvReader.read("BTC", file));
            assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
            assertTrue(!e.getMessage().contains("root") && !e.getMessage().contains("20228") && !e.getMessage().contains("SECRET"),
                    e.getMessage());
        }
    }

    @Test
    void aMissingFileIsRejectedByName() {
        CandleFileException e = assertThrows(CandleFileException.class,
                () -> CandleCsvReader.read("ETH", dir.resolve("nope.csv")));
        assertTrue(e.getMessage().endsWith("nope.csv: no readable file at this path"), e.getMessage());
        assertEquals("ETH", e.coin());
    }

    @Test
    void coinsOfDifferentLengthsAreCutToTheirCommonSpanAndThatIsReported() throws IOException {
        CandleSeries btc = CandleCsvReader.read("BTC", write("btc.csv", HEADER + BAR0 + BAR1 + BAR2));
        CandleSeries eth = CandleCsvReader.read("ETH", write("eth.csv", HEADER + BAR1 + BAR2));
        AlignedCandles aligned = AlignedCandles.align(List.of(btc, eth), null, null);
        assertEquals(2, aligned.bars());
        assertEquals(Instant.parse("2024-10-01T00:01:00Z"), aligned.time(0));
        assertEquals(new BigDecimal("100.9"), aligned.close("BTC", 1)); // bar 1 of both is 00:02's
        assertEquals(new BigDecimal("100.9"), aligned.close("ETH", 1));
        assertTrue(aligned.notes().get(0).contains("BTC 3 bars") && aligned.notes().get(0).contains("ETH 2 bars")
                && aligned.notes().get(0).contains("used the 2 bars all of them cover"), aligned.notes().get(0));
    }

    @Test
    void coinsThatDoNotOverlapOrARangeOutsideTheDataAreRejected() throws IOException {
        CandleSeries btc = CandleCsvReader.read("BTC", write("btc.csv", HEADER + BAR0 + BAR1));
        CandleSeries eth = CandleCsvReader.read("ETH", write("eth.csv", HEADER + BAR2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlignedCandles.align(List.of(btc, eth), null, null));
        assertTrue(e.getMessage().startsWith("the files share fewer than 2 bars"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AlignedCandles.align(List.of(btc), Instant.parse("2025-01-01T00:00:00Z"), null));
    }

    private void rejected(String content, String expected) throws IOException {
        Path file = write("bad.csv", content);
        CandleFileException e = assertThrows(CandleFileException.class, () -> CandleCsvReader.read("BTC", file),
                "should reject: " + expected);
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected),
                "'" + e.getMessage() + "' should contain '" + expected + "'");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
