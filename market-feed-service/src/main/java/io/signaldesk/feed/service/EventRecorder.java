package io.signaldesk.feed.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkus.scheduler.Scheduled;
import io.signaldesk.feed.api.RecordingStatus;
import io.signaldesk.market.domain.MarketEvent;

/**
 * Appends every normalised event to feed.record.file as one JSON line (the MarketEvent format the
 * replay source reads). Buffered, flushed every second and at shutdown. A path that cannot be opened
 * is reported at startup and recording stays off; the feed itself keeps running.
 */
@ApplicationScoped
public class EventRecorder {

    private static final Logger LOG = Logger.getLogger(EventRecorder.class);

    private final ObjectWriter writer;
    private BufferedWriter out;
    private Path file;
    private long written;
    private long failures;
    private String error;

    public EventRecorder(ObjectMapper mapper) {
        this.writer = mapper.writerFor(MarketEvent.class);
    }

    /** Opens (creating parent folders) or appends to {@code path}; answers false and logs why when it cannot. */
    public synchronized boolean open(Path path) {
        close();
        file = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            error = null;
            LOG.infof("Recording events to %s", path.toAbsolutePath());
            return true;
        } catch (IOException | RuntimeException e) {
            error = "cannot open " + path + " for appending: " + e;
            LOG.errorf("feed.record.file: %s. Recording is OFF; the feed keeps running.", error);
            return false;
        }
    }

    public synchronized void record(MarketEvent event) {
        if (out == null) {
            return;
        }
        try {
            out.write(writer.writeValueAsString(event));
            out.newLine();
            written++;
        } catch (IOException e) {
            if (failures++ == 0) {
                LOG.errorf("feed.record.file: writing %s failed (%s); further failures are only counted", file, e);
            }
            error = "write failed: " + e.getMessage();
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void flush() {
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            if (failures++ == 0) {
                LOG.errorf("feed.record.file: flushing %s failed (%s)", file, e);
            }
            error = "flush failed: " + e.getMessage();
        }
    }

    public synchronized void close() {
        if (out != null) {
            flush();
            try {
                out.close();
            } catch (IOException e) {
                LOG.warnf("feed.record.file: closing %s failed (%s)", file, e);
            }
            out = null;
        }
    }

    public synchronized RecordingStatus status() {
        return new RecordingStatus(file == null ? null : file.toString(), out != null, written, failures, error);
    }
}
