package io.signaldesk.market.binance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Sequential reading of raw Binance captures ({@code <receive ns> <json>} lines, plain or .gz, told apart by the gzip
 * magic bytes): the files of one symbol are read in the given order as one session, within {@link CaptureLimits}.
 */
public final class BinanceCaptureFile implements AutoCloseable {

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*\"([a-z0-9]+)@");

    /** One capture line: receive time in ns since the epoch, and the frame. */
    public record Line(long receiveNs, String json) {
    }

    private final Iterator<Path> files;
    private final CaptureBudget budget;
    private LineReader reader;
    private Line head;

    /** @param budget the bytes this read may still decompress, shared by the sessions of one replay */
    public BinanceCaptureFile(List<Path> files, CaptureBudget budget) throws IOException {
        this.files = files.iterator();
        this.budget = budget;
        advance();
    }

    /** The symbol (upper case) named by the first stream frame of the file, read within {@code limits}. */
    public static Optional<String> symbolOf(Path file, CaptureLimits limits) throws IOException {
        try (BinanceCaptureFile capture = new BinanceCaptureFile(List.of(file), new CaptureBudget(limits))) {
            for (Line line = capture.head(); line != null; capture.advance(), line = capture.head()) {
                Matcher matcher = STREAM.matcher(line.json());
                if (matcher.find()) {
                    return Optional.of(matcher.group(1).toUpperCase(Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }

    /** The next line not yet consumed, or null at the end of the last file. */
    public Line head() {
        return head;
    }

    /** Consumes the head; a line that is not {@code <ns> <json>} becomes a Line with receiveNs -1. */
    public void advance() throws IOException {
        head = null;
        while (head == null) {
            if (reader == null) {
                if (!files.hasNext()) {
                    return;
                }
                reader = new LineReader(open(files.next()));
            }
            String line = reader.readLine();
            if (line == null) {
                reader.close();
                reader = null;
            } else if (!line.isBlank()) {
                head = parse(line);
            }
        }
    }

    private static Line parse(String line) {
        int space = line.indexOf(' ');
        try {
            return space < 0 ? new Line(-1, line) : new Line(Long.parseLong(line.substring(0, space)), line.substring(space + 1));
        } catch (NumberFormatException e) {
            return new Line(-1, line);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** UTF-8 lines of at most {@link CaptureLimits#maxLineBytes()}, counting every byte against the read's total. */
    private final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private byte[] line = new byte[8 * 1024];

        LineReader(InputStream in) {
            this.in = in;
        }

        String readLine() throws IOException {
            int length = 0;
            while (true) {
                if (start == end) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        return length == 0 ? null : text(length);
                    }
                    budget.take(n);
                    start = 0;
                    end = n;
                }
                int newline = start;
                while (newline < end && buffer[newline] != '\n') {
                    newline++;
                }
                int chunk = newline - start;
                if (length + chunk > budget.limits().maxLineBytes()) {
                    throw new CaptureTooLargeException("a capture line is longer than " + budget.limits().maxLineBytes() + " bytes");
                }
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
                start = newline;
                if (newline < end) {
                    start++; // the newline itself
                    return text(length);
                }
            }
        }

        private String text(int length) {
            int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            return new String(line, 0, n, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
