package io.signaldesk.decision.engine;

import java.util.List;
import java.util.Optional;


import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * The one entry point of a market frame into the engine, whatever transport delivered it (the feed's WebSocket
 * today, Kafka next): checks the feed's identity against decision.feed.expected-source, keeps the market state and
 * hands each updated coin to the engine thread.
 * <p>
 * A live feed's coins are stored at once and evaluated from their latest state (a coin already waiting is not queued
 * again: conflated to the newest). A replay's frames ({@link EngineTime#onMarketTime}) are stored and evaluated one
 * after the other on the engine thread, none skipped, so a replayed session decides exactly as the backtest of the
 * same data does; up to decision.engine-replay-queue of them wait, and one beyond is dropped, counted, logged and
 * shown in the status (the WebSocket client has no way to slow the feed down).
 */
public class MarketIntake {

    private static final Logger LOG = Logger.getLogger(MarketIntake.class);

    private final DecisionConfig config;
    private final FeedStateService market;
    private final EngineExecutor executor;
    private final CoinEvaluator evaluator;
    private final Counter frames;
    private final Counter foreign;
    private volatile FeedIdentity refusedFeed;

    MarketIntake(DecisionConfig config, FeedStateService market, EngineExecutor executor, CoinEvaluator evaluator,
            MeterRegistry registry) {
        this.config = config;
        this.market = market;
        this.executor = executor;
        this.evaluator = evaluator;
        this.frames = registry.counter("decision.feed.frames");
        this.foreign = registry.counter("decision.feed.refused");
    }

    /** A snapshot frame from the feed; ignored (and counted) when it is not of decision.feed.expected-source. */
    public void accept(FeedMessage frame) {
        if (frame == null || frame.coins() == null || !expected(frame.identity())) {
            return;
        }
        frames.increment();
        if (EngineTime.onMarketTime(frame.identity())) {
            if (!executor.submitInOrder(() -> storeAndEvaluate(frame))) {
                long dropped = executor.replayDropped();
                if (dropped == 1 || dropped % 1000 == 0) {
                    LOG.warnf("the engine cannot keep up with the replay: %d frames wait, %,d dropped so far (market "
                            + "time %s); decision.engine-replay-queue bounds the wait", executor.replayQueued(), dropped,
                            frame.asOf());
                }
            }
            return;
        }
        List<String> coins = market.accept(frame);
        if (config.engineEnabled()) {
            for (String coin : coins) {
                executor.submit(coin, () -> evaluator.evaluate(coin));
            }
        }
    }

    /** Frames counted since start (the ones of the expected feed). */
    public double frameCount() {
        return frames.count();
    }

    /** A frame on market time: stored, then each of its coins evaluated, before the next frame is looked at. */
    public void storeAndEvaluate(FeedMessage frame) {
        List<String> coins = market.accept(frame);
        if (!config.engineEnabled()) {
            return;
        }
        for (String coin : coins) {
            evaluator.evaluate(coin);
        }
    }

    /** The last feed refused for not being decision.feed.expected-source, if any since the last accepted frame. */
    public Optional<FeedIdentity> refusedFeed() {
        return Optional.ofNullable(refusedFeed);
    }

    /** False (and counted) when decision.feed.expected-source names another source than this frame's. */
    private boolean expected(FeedIdentity feed) {
        String wanted = config.feed().expectedSource().map(String::strip).orElse("any");
        if (accepts(wanted, feed)) {
            refusedFeed = null;
            return true;
        }
        if (refusedFeed == null || !refusedFeed.market().equals(feed.market())) {
            LOG.warnf("the feed is %s (market %s), not the expected %s: its frames are ignored", feed.source(),
                    feed.market(), wanted);
        }
        refusedFeed = feed;
        foreign.increment();
        return false;
    }

    /** Whether a frame of {@code feed} is taken when decision.feed.expected-source is {@code wanted} (blank or any: all). */
    public static boolean accepts(String wanted, FeedIdentity feed) {
        return wanted.isBlank() || wanted.strip().equalsIgnoreCase("any") || wanted.strip().equalsIgnoreCase(feed.source());
    }
}
