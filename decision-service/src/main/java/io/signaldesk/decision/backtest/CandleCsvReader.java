package io.signaldesk.decision.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.signaldesk.common.files.DataDirectory;

/**
 * Reads {@code timestamp,open,high,low,close,volume} 1-minute candle files. Policy: a row repeated
 * exactly is dropped (noted); a blank line is skipped (noted); anything else that is wrong rejects the
 * file with its line number: a missing or different header, a wrong column count, a bad or
 * non-positive number, high/low not enclosing open and close, a timestamp off the minute, rows out of
 * order, a repeated timestamp with other values, or a gap (missing minutes are never invented).
 */
public final class CandleCsvReader {

    static final String HEADER = "timestamp,open,high,low,close,volume";
    /** Largest candle file read (the five-week Q4 2024 files are about 3 MB each). */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Duration BAR = Duration.ofMinutes(1);
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] COLUMNS = HEADER.split(",");
    private static final int MAX_LINE = 512;
    private static final BigDecimal MAX_PRICE = new BigDecimal("1e9");
    private static final BigDecimal MAX_VOLUME = new BigDecimal("1e15");
    /** Notes of one kind (blank lines, exact duplicates) listed a file; the rest are counted. */
    static final int MAX_NOTES = 50;

    private CandleCsvReader() {
    }

    /**
     * Which bars of a file are kept: those opening in [{@code from}, {@code to}) (either may be null), at most
     * {@code maxBars} of them (the file is read no further past that: {@link TooLong}). Every row is validated.
     */
    public record Keep(Instant from, Instant to, int maxBars) {
        public static final Keep ALL = new Keep(null, null, Integer.MAX_VALUE);

        boolean wants(Instant time) {
            return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
        }
    }

    /** A file has more bars in the range than {@link Keep#maxBars}: it was read no further. */
    public static final class TooLong extends RuntimeException {
        private final String coin;

        TooLong(String coin, String file, int maxBars, Instant at) {
            super("%s: more than %,d bars in the range (read up to %s)".formatted(file, maxBars, at));
            this.coin = coin;
        }

        public String coin() {
            return coin;
        }
    }

    /** A local file named by its path (command line and tests); capped like every file read. */
    public static CandleSeries read(String coin, Path path) {
        return read(coin, path.toString(), path);
    }

    /** A file, named {@code file} in messages; at most {@link #MAX_FILE_BYTES} are read. */
    public static CandleSeries read(String coin, String file, Path path) {
        return read(coin, file, path, Keep.ALL);
    }

    /** A file, named {@code file} in messages, of which {@code keep} is kept. */
    public static CandleSeries read(String coin, String file, Path path, Keep keep) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new CandleFileException(coin, file, 0, "no readable file at this path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(DataDirectory.open(path, MAX_FILE_BYTES),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            return read(coin, file, reader, keep);
        } catch (CharacterCodingException e) {
            throw new CandleFileException(coin, file, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new CandleFileException(coin, file, 0, e.getMessage() != null && e.getMessage().startsWith("larger than")
                    ? "is " + e.getMessage() : "cannot be read");
        }
    }

    /** CSV text sent in the request body, named {@code name} (e.g. csv.BTC) in messages. */
    public static CandleSeries parse(String coin, String name, String text) {
        return parse(coin, name, text, Keep.ALL);
    }

    /** CSV text sent in the request body, of which {@code keep} is kept. */
    public static CandleSeries parse(String coin, String name, String text, Keep keep) {
        try {
            return read(coin, name, new BufferedReader(new StringReader(text)), keep);
        } catch (IOException e) {
            throw new CandleFileException(coin, name, 0, "cannot be read");
        }
    }

    /**
     * Validates the file as it is read: no row is kept, only each close (in a {@link CloseColumn}) and the row before
     * (for the order, repeat and gap checks). As when every row was read first: a bad row anywhere is reported before
     * an order error, and an order error before a repeat or a gap, each the first of its kind.
     */
    static CandleSeries read(String coin, String file, BufferedReader reader, Keep keep) throws IOException {
        String header = line(coin, file, 1, reader);
        if (header == null || !HEADER.equalsIgnoreCase(header.strip().replace("\uFEFF", ""))) {
            throw new CandleFileException(coin, file, 1, "expected the header '" + HEADER + "'");
        }
        CloseColumn.Builder closes = new CloseColumn.Builder();
        Notes blank = new Notes(file, "blank line(s) skipped");
        Notes repeated = new Notes(file, "exact duplicate(s) dropped");
        Instant first = null; // the file's first bar, and how many it has
        int bars = 0;
        Instant start = null; // the first bar kept
        Instant previous = null; // the row before, whatever became of it: for the order check
        int previousLine = 0;
        String keptText = null; // the last row kept: for the repeat and gap checks
        Instant keptTime = null;
        int keptLine = 0;
        CandleFileException unsorted = null;
        CandleFileException broken = null;
        int lineNo = 1;
        String line;
        while ((line = line(coin, file, lineNo + 1, reader)) != null) {
            lineNo++;
            String text = line.strip();
            if (text.isEmpty()) {
                blank.add("%s line %d: blank line skipped".formatted(file, lineNo));
                continue;
            }
            Candle candle = parse(coin, file, lineNo, text);
            Instant time = candle.time();
            if (unsorted == null && previous != null && time.isBefore(previous)) {
                unsorted = new CandleFileException(coin, file, lineNo, "rows are not sorted: %s comes after %s (line %d)"
                        .formatted(time, previous, previousLine));
            }
            previous = time;
            previousLine = lineNo;
            if (unsorted != null || broken != null) {
                continue; // the rest is still parsed: a bad row later is reported first
            }
            if (keptTime != null) {
                if (time.equals(keptTime)) {
                    if (!text.equals(keptText)) {
                        broken = new CandleFileException(coin, file, lineNo, "timestamp %s repeats line %d with other values"
                                .formatted(time, keptLine));
                    } else {
                        repeated.add("%s line %d: exact duplicate of line %d dropped".formatted(file, lineNo, keptLine));
                    }
                    continue;
                }
                Duration step = Duration.between(keptTime, time);
                if (!step.equals(BAR)) {
                    broken = new CandleFileException(coin, file, lineNo, "gap: %d minute(s) missing between %s (line %d) and %s"
                            .formatted(step.toMinutes() - 1, keptTime, keptLine, time));
                    continue;
                }
            }
            first = first == null ? time : first;
            bars++;
            if (keep.wants(time)) {
                if (closes.size() == keep.maxBars()) {
                    throw new TooLong(coin, file, keep.maxBars(), time);
                }
                closes.add(candle.close());
                start = start == null ? time : start;
            }
            keptText = text;
            keptTime = time;
            keptLine = lineNo;
        }
        if (unsorted != null) {
            throw unsorted;
        }
        if (broken != null) {
            throw broken;
        }
        if (keptTime == null) {
            throw new CandleFileException(coin, file, 0, "no candles after the header");
        }
        List<String> notes = new ArrayList<>(blank.list());
        notes.addAll(repeated.list());
        return new CandleSeries(coin, file, first, bars, start == null ? keptTime.plus(BAR) : start, closes.build(),
                List.copyOf(notes));
    }

    /** The first {@link #MAX_NOTES} notes of a kind, then one line counting the rest: a file of blank lines is no list. */
    private static final class Notes {
        private final String file;
        private final String what;
        private final List<String> kept = new ArrayList<>();
        private int more;

        Notes(String file, String what) {
            this.file = file;
            this.what = what;
        }

        void add(String note) {
            if (kept.size() < MAX_NOTES) {
                kept.add(note);
            } else {
                more++;
            }
        }

        List<String> list() {
            if (more == 0) {
                return kept;
            }
            List<String> all = new ArrayList<>(kept);
            all.add("%s: %,d more %s (not listed)".formatted(file, more, what));
            return all;
        }
    }

    private static Candle parse(String coin, String file, int lineNo, String row) {
        String[] cells = row.split(",", -1);
        if (cells.length != COLUMNS.length) {
            throw new CandleFileException(coin, file, lineNo, "expected 6 columns, found " + cells.length);
        }
        Instant time = time(coin, file, lineNo, cells[0].strip());
        BigDecimal[] values = new BigDecimal[5];
        for (int i = 1; i < COLUMNS.length; i++) {
            String cell = cells[i].strip();
            try {
                values[i - 1] = new BigDecimal(cell);
            } catch (NumberFormatException e) {
                throw new CandleFileException(coin, file, lineNo, COLUMNS[i] + " is not a number");
            }
            boolean price = i < 5;
            if (price ? values[i - 1].signum() <= 0 : values[i - 1].signum() < 0) {
                throw new CandleFileException(coin, file, lineNo, "%s must be %s"
                        .formatted(COLUMNS[i], price ? "positive" : "zero or more"));
            }
            if (values[i - 1].compareTo(price ? MAX_PRICE : MAX_VOLUME) > 0 || values[i - 1].scale() > 18) {
                throw new CandleFileException(coin, file, lineNo, COLUMNS[i] + " is out of range (at most "
                        + (price ? "1e9" : "1e15") + ", 18 decimals)");
            }
        }
        Candle candle = new Candle(time, values[0], values[1], values[2], values[3], values[4]);
        if (candle.high().compareTo(candle.open().max(candle.close())) < 0
                || candle.low().compareTo(candle.open().min(candle.close())) > 0) {
            throw new CandleFileException(coin, file, lineNo, "high and low do not enclose open and close");
        }
        return candle;
    }

    /** {@code 2024-10-01 03:00:00}, ISO {@code 2024-10-01T03:00:00Z}, or epoch milliseconds; always UTC. */
    private static Instant time(String coin, String file, int lineNo, String cell) {
        Instant time;
        try {
            if (cell.length() > 40) {
                throw new DateTimeParseException("too long", "", 0);
            } else if (!cell.isEmpty() && cell.chars().allMatch(Character::isDigit)) {
                time = Instant.ofEpochMilli(Long.parseLong(cell));
            } else if (cell.endsWith("Z")) {
                time = Instant.parse(cell);
            } else {
                time = LocalDateTime.parse(cell.replace('T', ' '), SPACED).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new CandleFileException(coin, file, lineNo, "timestamp is not 'yyyy-MM-dd HH:mm:ss', ISO-8601 UTC or epoch ms");
        }
        if (time.getEpochSecond() % 60 != 0 || time.getNano() != 0) {
            throw new CandleFileException(coin, file, lineNo, "timestamp " + time + " is not on a whole minute");
        }
        return time;
    }

    /** One line of at most {@link #MAX_LINE} characters; a longer one rejects the file (a candle row is ~70). */
    private static String line(String coin, String file, int lineNo, BufferedReader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0) {
            if (c == '\n') {
                return text.toString();
            }
            if (c != '\r') {
                if (text.length() >= MAX_LINE) {
                    throw new CandleFileException(coin, file, lineNo, "line longer than " + MAX_LINE + " characters");
                }
                text.append((char) c);
            }
        }
        return c < 0 && text.isEmpty() ? null : text.toString();
    }
}
