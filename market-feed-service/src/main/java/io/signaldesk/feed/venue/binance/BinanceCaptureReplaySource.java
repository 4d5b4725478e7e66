package io.signaldesk.feed.venue.binance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.domain.Instrument;
import io.signaldesk.feed.domain.MarketEventSink;
import io.signaldesk.feed.domain.Venue;
import io.signaldesk.feed.source.MarketSource;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.source.SourceStatus;
import io.signaldesk.feed.source.SourceStatus.State;
import io.signaldesk.feed.venue.ws.VenueTelemetry;

/**
 * {@code feed.source=replay} with {@code feed.replay.format=binance-capture}: plays raw Binance
 * captures ({@code <receive ns> <json>}, e.g. shared/data/binance-spot or feed.record.raw-file output)
 * through the same parser and book synchroniser as the live source. Files of one symbol are one
 * session in the given order; several symbols are merged by receive time. Paced by the receive-time
 * gaps divided by {@code feed.replay.speed} (0 = no pauses, gaps above 5 s shortened to 5 s).
 */
@ApplicationScoped
public class BinanceCaptureReplaySource implements MarketSource {

    private static final Logger LOG = Logger.getLogger(BinanceCaptureReplaySource.class);
    static final Duration MAX_GAP = Duration.ofSeconds(5);

    private final FeedConfig config;
    private final VenueTelemetry telemetry;
    private final ManagedExecutor executor;
    private Future<?> playing;

    public BinanceCaptureReplaySource(FeedConfig config, MeterRegistry registry, ManagedExecutor executor) {
        this.executor = executor;
        this.config = config;
        String files = config.replay().file().map(list -> list.stream().map(Path::toString)
                .collect(Collectors.joining(","))).orElse(null);
        this.telemetry = new VenueTelemetry(Venue.BINANCE, "replay", files, registry, Clock.systemUTC());
    }

    @Override
    public SourceKind kind() {
        return SourceKind.REPLAY;
    }

    @Override
    public boolean selectedBy(FeedConfig feedConfig) {
        return feedConfig.source() == SourceKind.REPLAY
                && feedConfig.replay().format() == FeedConfig.ReplayFormat.BINANCE_CAPTURE;
    }

    @Override
    public boolean countsMessages() {
        return true;
    }

    @Override
    public synchronized void start(MarketEventSink sink) {
        telemetry.registerBaseline();
        if (playing != null) {
            return;
        }
        List<Path> files = config.replay().file().orElse(List.of());
        double speed = config.replay().speed();
        if (files.isEmpty() || !(speed >= 0)) {
            telemetry.error(files.isEmpty() ? "feed.replay.file is not set" : "feed.replay.speed must be >= 0: " + speed);
            telemetry.state(State.STOPPED);
            return;
        }
        telemetry.state(State.STARTING);
        playing = executor.submit(() -> play(files, speed, sink)); // one long blocking read: the managed executor, not a thread of its own
    }

    @Override
    public synchronized void stop() {
        if (playing != null) {
            playing.cancel(true);
            playing = null;
        }
        if (telemetry.state() != State.FINISHED) {
            telemetry.state(State.STOPPED);
        }
    }

    @Override
    public SourceStatus status() {
        return telemetry.status();
    }

    private void play(List<Path> files, double speed, MarketEventSink sink) {
        List<Session> sessions = new ArrayList<>();
        try {
            List<Instrument> instruments = config.coins().stream()
                    .map(coin -> BinanceAdapter.instrument(coin, config.binance().quote())).toList();
            for (Map.Entry<Instrument, List<Path>> entry : bySymbol(files).entrySet()) {
                // every followed symbol is known (a recording of several coins is one file); a snapshot
                // line without symbol belongs to the symbol the file starts with (one-symbol captures)
                BinanceStreamHandler handler = new BinanceStreamHandler(instruments, sink, telemetry,
                        instrument -> LOG.debugf("%s: waiting for the capture's next depth snapshot", instrument.symbol()),
                        entry.getKey().symbol());
                sessions.add(new Session(new BinanceCaptureFile(entry.getValue()), handler));
            }
            telemetry.state(State.LIVE);
            merge(sessions, speed);
            telemetry.state(State.FINISHED);
            LOG.infof("Binance capture replay finished: %d frames", telemetry.messages());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            telemetry.error("replay failed: " + e.getMessage());
            telemetry.state(State.STOPPED);
            LOG.errorf("Binance capture replay failed: %s", e.toString());
        } finally {
            sessions.forEach(Session::close);
        }
    }

    private void merge(List<Session> sessions, double speed) throws IOException, InterruptedException {
        PriorityQueue<Session> queue = new PriorityQueue<>(Comparator.comparingLong(s -> s.file.head().receiveNs()));
        sessions.stream().filter(s -> s.file.head() != null).forEach(queue::add);
        long previousNs = -1;
        while (!queue.isEmpty()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Session session = queue.poll();
            BinanceCaptureFile.Line line = session.file.head();
            if (line.receiveNs() < 0) {
                telemetry.parseError("bad_line", "capture line is not '<receive ns> <json>'");
            } else {
                pause(previousNs, line.receiveNs(), speed);
                previousNs = Math.max(previousNs, line.receiveNs());
                session.handler.onFrame(line.json(), Instant.ofEpochSecond(0, line.receiveNs()));
            }
            session.file.advance();
            if (session.file.head() != null) {
                queue.add(session);
            }
        }
    }

    /** Groups the files by the symbol they stream, keeping their order; symbols outside feed.coins are skipped. */
    private Map<Instrument, List<Path>> bySymbol(List<Path> files) throws IOException {
        String quote = config.binance().quote().toUpperCase(Locale.ROOT);
        Map<Instrument, List<Path>> groups = new LinkedHashMap<>();
        for (Path file : files) {
            Optional<String> symbol = BinanceCaptureFile.symbolOf(file);
            if (symbol.isEmpty() || !symbol.get().endsWith(quote) || symbol.get().length() == quote.length()) {
                telemetry.error(file + ": no " + quote + " stream frame found; skipped");
                continue;
            }
            String coin = symbol.get().substring(0, symbol.get().length() - quote.length());
            if (config.coins().stream().noneMatch(coin::equalsIgnoreCase)) {
                LOG.warnf("%s streams %s, not one of feed.coins %s; skipped", file, symbol.get(), config.coins());
                continue;
            }
            groups.computeIfAbsent(BinanceAdapter.instrument(coin, quote), k -> new ArrayList<>()).add(file);
        }
        return groups;
    }

    private static void pause(long previousNs, long nextNs, double speed) throws InterruptedException {
        if (speed == 0 || previousNs < 0 || nextNs <= previousNs) {
            return;
        }
        long nanos = (long) (Math.min(nextNs - previousNs, MAX_GAP.toNanos()) / speed);
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    private record Session(BinanceCaptureFile file, BinanceStreamHandler handler) {

        void close() {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debugf("closing capture: %s", e.getMessage());
            }
        }
    }
}
