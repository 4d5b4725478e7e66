package io.signaldesk.feed.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.feed.source.MarketSource;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.source.SourceStatus;

/**
 * Plays JSON Lines recordings (feed.record.file output) back, paced by the gaps between venue times
 * divided by feed.replay.speed (0 = no pauses). Malformed lines are counted and skipped; at the end
 * of the last file the state is FINISHED and the market state keeps the final picture.
 */
@ApplicationScoped
public class ReplaySource implements MarketSource {

    private static final Logger LOG = Logger.getLogger(ReplaySource.class);
    /** A pause in the recording longer than this is replayed as this (before the speed factor). */
    static final Duration MAX_GAP = Duration.ofSeconds(5);

    private final FeedConfig config;
    private final ObjectReader reader;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong parseErrors = new AtomicLong();
    private final ManagedExecutor executor;
    private Future<?> playing;
    private volatile SourceStatus.State state = SourceStatus.State.STOPPED;
    private volatile Instant since = Instant.now();
    private volatile Instant lastMessage;
    private volatile String lastError;

    public ReplaySource(FeedConfig config, ObjectMapper mapper, ManagedExecutor executor) {
        this.executor = executor;
        this.config = config;
        this.reader = mapper.readerFor(MarketEvent.class);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.REPLAY;
    }

    @Override
    public boolean selectedBy(FeedConfig config) {
        return config.source() == SourceKind.REPLAY && config.replay().format() == FeedConfig.ReplayFormat.EVENTS;
    }

    @Override
    public synchronized void start(MarketEventSink sink) {
        if (playing != null) {
            return;
        }
        List<Path> files = config.replay().file().orElse(List.of());
        double speed = config.replay().speed();
        if (files.isEmpty() || speed < 0 || Double.isNaN(speed)) {
            lastError = files.isEmpty() ? "feed.replay.file is not set" : "feed.replay.speed must be >= 0: " + speed;
            LOG.error("Replay cannot start: " + lastError);
            setState(SourceStatus.State.STOPPED);
            return;
        }
        setState(SourceStatus.State.STARTING);
        playing = executor.submit(() -> play(files, speed, sink)); // one long blocking read: the managed executor, not a thread of its own
    }

    private void play(List<Path> files, double speed, MarketEventSink sink) {
        Instant previous = null;
        for (Path file : files) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                setState(SourceStatus.State.LIVE);
                String line;
                long number = 0;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    MarketEvent event = parse(file, number, line);
                    if (event == null) {
                        continue;
                    }
                    pause(previous, event.venueTime(), speed);
                    previous = event.venueTime();
                    sink.accept(event);
                    messages.incrementAndGet();
                    lastMessage = Instant.now();
                }
            } catch (IOException e) {
                lastError = "cannot read " + file + ": " + e.getMessage();
                LOG.error("Replay: " + lastError);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the consumer failed (e.g. the application is shutting down): stop instead of dying silently
                lastError = "replay stopped: " + e;
                LOG.error("Replay stopped", e);
                setState(SourceStatus.State.STOPPED);
                return;
            }
        }
        sink.finished();
        setState(messages.get() > 0 ? SourceStatus.State.FINISHED : SourceStatus.State.STOPPED);
        LOG.infof("Replay finished: %d events, %d malformed lines skipped", messages.get(), parseErrors.get());
    }

    private MarketEvent parse(Path file, long number, String line) {
        try {
            MarketEvent event = reader.readValue(line);
            if (event == null) {
                throw new IOException("null record");
            }
            return event;
        } catch (IOException | RuntimeException e) {
            if (parseErrors.incrementAndGet() == 1) {
                LOG.warnf("Replay: skipping malformed line %d of %s (%s); further ones are only counted", number,
                        file, e.getMessage());
            }
            lastError = "malformed line " + number + " of " + file.getFileName();
            return null;
        }
    }

    private static void pause(Instant previous, Instant next, double speed) throws InterruptedException {
        if (speed == 0 || previous == null || !next.isAfter(previous)) {
            return;
        }
        Duration gap = Duration.between(previous, next);
        long nanos = (long) (Math.min(gap.toNanos(), MAX_GAP.toNanos()) / speed);
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    @Override
    public synchronized void stop() {
        if (playing != null) {
            playing.cancel(true);
            playing = null;
            if (state != SourceStatus.State.FINISHED) {
                setState(SourceStatus.State.STOPPED);
            }
        }
    }

    @Override
    public SourceStatus status() {
        String files = config.replay().file().orElse(List.of()).stream().map(Path::toString)
                .collect(Collectors.joining(","));
        return new SourceStatus("replay", state, files.isEmpty() ? null : files, since, lastMessage, messages.get(),
                parseErrors.get(), 0, 0, lastError);
    }

    private void setState(SourceStatus.State next) {
        if (state != next) {
            state = next;
            since = Instant.now();
        }
    }
}
