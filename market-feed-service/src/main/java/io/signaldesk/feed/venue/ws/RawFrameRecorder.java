package io.signaldesk.feed.venue.ws;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jboss.logging.Logger;

/**
 * Appends raw venue frames as {@code <receive time in ns> <json>} lines (the format of the Binance
 * captures under shared/data), so a live session can be replayed byte for byte.
 */
public final class RawFrameRecorder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RawFrameRecorder.class);

    private final Path file;
    private final BufferedWriter writer;
    private boolean failed;

    private RawFrameRecorder(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    public static RawFrameRecorder open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new RawFrameRecorder(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open raw recording " + file, e);
        }
    }

    /** Wall clock in ns since the epoch, like the captures' first column. */
    public void append(String frame) {
        if (failed) {
            return;
        }
        java.time.Instant now = java.time.Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        try {
            writer.write(Long.toString(nanos));
            writer.write(' ');
            // a frame is one JSON document; newlines inside it would break the line format
            writer.write(frame.indexOf('\n') < 0 ? frame : frame.replace("\r", "").replace("\n", ""));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            failed = true;
            LOG.errorf("raw recording to %s stopped: %s", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warnf("closing raw recording %s: %s", file, e.getMessage());
        }
    }
}
