package io.signaldesk.feed.service;

import java.util.function.Consumer;

import jakarta.inject.Singleton;

import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.MarketEventSink;
import io.signaldesk.market.state.MarketTimeCoalescer;

/**
 * A replay's /ws/market pushes on market time (feed.publish-interval of venue time, market-data's
 * {@link MarketTimeCoalescer}, the backtest's own rule), so what a replay sends depends neither on the wall clock nor
 * on feed.replay.speed. Live sources keep the publisher's wall-time coalescing. Runs on the replay's thread.
 */
@Singleton
public class ReplayCoalescing {

    private final boolean active;
    private final MarketTimeCoalescer coalescer;
    private volatile Consumer<String> publish = coin -> {
    };

    public ReplayCoalescing(FeedConfig config) {
        this.active = config.source() == SourceKind.REPLAY;
        this.coalescer = new MarketTimeCoalescer(config.publishInterval(), coin -> publish.accept(coin));
    }

    /** Whether the running source is a replay (then pushes come from here, not from the wall clock). */
    public boolean active() {
        return active;
    }

    /** Who pushes a coin's snapshot when it is due (the /ws/market publisher). */
    public void onPublish(Consumer<String> publisher) {
        this.publish = publisher;
    }

    /** The replay's sink: market time advances (and due coins are pushed) before each event is applied. */
    public MarketEventSink around(MarketEventSink sink) {
        if (!active) {
            return sink;
        }
        return new MarketEventSink() {
            @Override
            public void accept(MarketEvent event) {
                synchronized (coalescer) {
                    coalescer.advanceTo(event.venueTime());
                }
                sink.accept(event);
            }

            @Override
            public void finished() {
                sink.finished();
                synchronized (coalescer) {
                    coalescer.flush();
                }
            }
        };
    }

    /** {@code coin} changed (an event was applied to it): pushed now or when its interval of market time ends. */
    public void changed(String coin) {
        synchronized (coalescer) {
            coalescer.changed(coin);
        }
    }
}
