package io.signaldesk.feed.venue.binance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Sequential reading of raw Binance captures ({@code <receive ns> <json>} lines, plain or .gz):
 * the files of one symbol are read in the given order as one session.
 */
final class BinanceCaptureFile implements AutoCloseable {

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*\"([a-z0-9]+)@");

    /** One capture line: receive time in ns since the epoch, and the frame. */
    record Line(long receiveNs, String json) {
    }

    private final Iterator<Path> files;
    private BufferedReader reader;
    private Line head;

    BinanceCaptureFile(List<Path> files) throws IOException {
        this.files = files.iterator();
        advance();
    }

    /** The symbol (upper case) named by the first stream frame of the file. */
    static Optional<String> symbolOf(Path file) throws IOException {
        try (BufferedReader in = open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher matcher = STREAM.matcher(line);
                if (matcher.find()) {
                    return Optional.of(matcher.group(1).toUpperCase(Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }

    /** The next line not yet consumed, or null at the end of the last file. */
    Line head() {
        return head;
    }

    /** Consumes the head; a line that is not {@code <ns> <json>} becomes a Line with receiveNs -1. */
    void advance() throws IOException {
        head = null;
        while (head == null) {
            if (reader == null) {
                if (!files.hasNext()) {
                    return;
                }
                reader = open(files.next());
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

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 64 * 1024);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
