package io.signaldesk.feed.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.signaldesk.feed.source.SourceKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code feed.*} setting of market-feed-service. */
@ConfigMapping(prefix = "feed")
public interface FeedConfig {

    /** Which source feeds the service: simulator, binance, coinbase, kraken or replay. */
    @WithDefault("simulator")
    SourceKind source();

    /** Base assets to follow (BTC, ETH, SOL); each venue maps them to its own symbols. */
    @WithDefault("BTC,ETH,SOL")
    List<String> coins();

    /** A live stream silent for this long is considered stale and reconnected. */
    @WithDefault("15s")
    Duration staleAfter();

    /**
     * Shortest time between two pushes of a coin that changed on /ws/market (changes in between are coalesced), for a
     * connection that asks for no interval of its own.
     */
    @WithDefault("100ms")
    Duration publishInterval();

    /** The shortest interval a /ws/market connection may ask for ({@code ?interval=} or {@code {"interval":...}}). */
    @WithDefault("10ms")
    Duration publishIntervalMin();

    /** How often /ws/market also pushes every coin, changed or not (a heartbeat for staleness checks). */
    @WithDefault("1s")
    Duration fullSnapshotEvery();

    /** Sliding window for momentum, trade flow, VWAP and volatility. */
    @WithDefault("60s")
    Duration window();

    /** Levels per side counted in the order-book imbalance. */
    @WithDefault("10")
    int imbalanceDepth();

    /** Trades kept per coin for /api/market/trades. */
    @WithDefault("500")
    int tapeSize();

    /**
     * Plausibility band in percent: a trade further than this from the coin's mark (book mid, else its last trade
     * in the window), or a book update moving the mid further, is dropped and counted (feed.rejected.events).
     */
    @WithDefault("10")
    java.math.BigDecimal priceBandPct();

    Simulator simulator();

    Binance binance();

    Coinbase coinbase();

    Kraken kraken();

    Reconnect reconnect();

    Record record();

    Replay replay();

    /** The Kafka transport (SIGNAL_TRANSPORT=kafka): how the feed's topics are made. */
    Kafka kafka();

    interface Simulator {
        /** Seed of the random walk: the same seed gives the same market. */
        @WithDefault("42")
        long seed();

        /** Time between simulated events. */
        @WithDefault("100ms")
        Duration tick();
    }

    interface Binance {
        /** WebSocket base URL (combined streams are opened at {url}/stream?streams=...). */
        @WithDefault("wss://data-stream.binance.vision")
        String url();

        /** REST base URL for the depth snapshot that starts book synchronisation. */
        @WithDefault("https://api.binance.com")
        String restUrl();

        /** Quote asset appended to each coin (BTC -> BTCUSDT). */
        @WithDefault("USDT")
        String quote();

        /** Levels requested in the REST depth snapshot. */
        @WithDefault("1000")
        int snapshotDepth();
    }

    interface Coinbase {
        /** Advanced Trade WebSocket URL. */
        @WithDefault("wss://advanced-trade-ws.coinbase.com")
        String url();

        /** Quote currency appended to each coin (BTC -> BTC-USD). */
        @WithDefault("USD")
        String quote();
    }

    interface Kraken {
        /** Spot WebSocket v2 URL. */
        @WithDefault("wss://ws.kraken.com/v2")
        String url();

        /** Quote currency appended to each coin (BTC -> BTC/USD). */
        @WithDefault("USD")
        String quote();

        /** Book depth subscribed to: 10, 25, 100, 500 or 1000. */
        @WithDefault("10")
        int depth();
    }

    interface Reconnect {
        /** First wait after a drop; doubles on each failed attempt. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Random share (0-1) added to or taken from each wait. */
        @WithDefault("0.2")
        double jitter();
    }

    interface Record {
        /** When set, every normalised event is appended here as JSON Lines. */
        Optional<Path> file();

        /** When set, the live Binance source appends its raw frames here ({@code <receive ns> <json>}). */
        Optional<Path> rawFile();
    }

    interface Replay {
        /** Files played in order as one session by the replay source. */
        Optional<List<Path>> file();

        /** 1 = real time, 2 = twice as fast, 0 = as fast as possible. */
        @WithDefault("1")
        double speed();

        /** events (our JSON Lines recordings) or binance-capture (raw {@code <receive ns> <json>} lines). */
        @WithDefault("events")
        ReplayFormat format();

        /** Start the replay once this many /ws/market clients are connected (0: at startup), so they see it all. */
        @WithDefault("0")
        int waitForClients();
    }

    interface Kafka {
        /** Partitions of the snapshot topics when the feed creates them (records are keyed by coin). */
        @WithDefault("3")
        int partitions();
    }

    enum ReplayFormat {
        EVENTS,
        BINANCE_CAPTURE
    }
}
