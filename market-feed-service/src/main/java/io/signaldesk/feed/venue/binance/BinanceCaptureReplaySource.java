package io.signaldesk.feed.venue.binance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.market.binance.BinanceCaptureReader;
import io.signaldesk.market.binance.CaptureLimits;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.feed.source.MarketSource;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.source.SourceStatus;
import io.signaldesk.feed.source.SourceStatus.State;
import io.signaldesk.feed.venue.ws.VenueTelemetry;

/**
 * {@code feed.source=replay} with {@code feed.replay.format=binance-capture}: plays raw Binance
 * captures ({@code <receive ns> <json>}, e.g. shared/data/binance-spot or feed.record.raw-file output)
 * through market-data's {@link BinanceCaptureReader} (the live parser and book synchroniser; the backtest reads
 * captures with the same class). Paced by the receive-time
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
        try (BinanceCaptureReader reader = BinanceCaptureReader.open(files, config.coins(), config.binance().quote(),
                CaptureLimits.OPERATOR, sink, telemetry)) {
            for (BinanceCaptureReader.Skipped skipped : reader.skipped()) {
                telemetry.error(skipped.file() + ": " + skipped.reason() + "; skipped");
                LOG.warnf("%s %s; skipped", skipped.file(), skipped.reason());
            }
            telemetry.state(State.LIVE);
            BinanceCaptureReader.Pacer pacer = (previousNs, nextNs) -> pause(previousNs, nextNs, speed);
            String bookNote = null;
            while (reader.step(pacer)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                bookNote = bookNote(reader.booksAwaitingSnapshot(), bookNote);
            }
            sink.finished();
            List<String> bookless = reader.booksAwaitingSnapshot();
            if (!bookless.isEmpty()) {
                telemetry.error(String.join(", ", bookless) + ": no order book: the replayed files hold no depth snapshot "
                        + "for it, so bids, asks and spread stayed empty (a Binance book starts from the REST snapshot a "
                        + "capture records in its first lines: replay the session's first capture too, e.g. "
                        + "shared/data's spot-*_20240808.gz before its spot-*_20240809.gz)");
                LOG.warnf("Binance capture replay: no depth snapshot for %s in %s", bookless, files);
            }
            telemetry.state(State.FINISHED);
            LOG.infof("Binance capture replay finished: %d frames", telemetry.messages());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            telemetry.error("replay failed: " + e.getMessage());
            telemetry.state(State.STOPPED);
            LOG.errorf("Binance capture replay failed: %s", e.toString());
        }
    }

    /**
     * Says on the status which books wait for a depth snapshot the files have not given yet (the last error), and
     * takes it back once they have one; answers the note in force.
     */
    private String bookNote(List<String> waiting, String shown) {
        String note = waiting.isEmpty() ? null : String.join(", ", waiting) + ": no order book yet: no depth snapshot in "
                + "the replayed files so far (a capture records one in its first lines; bids, asks and spread stay empty "
                + "until one comes)";
        if (Objects.equals(note, shown)) {
            return shown;
        }
        telemetry.clearError(shown);
        if (note != null) {
            telemetry.error(note);
        }
        return note;
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
}
