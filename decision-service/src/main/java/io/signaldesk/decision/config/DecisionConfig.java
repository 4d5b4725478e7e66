package io.signaldesk.decision.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.signaldesk.core.scoring.SignalScorer;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every tunable of the decision service, under the {@code decision.} prefix; the strategy it trades (rules, exits,
 * sizing, costs, edge gate) is {@code strategy.*}, service-common's StrategyConfig, which the analyzer reads too.
 */
@ConfigMapping(prefix = "decision")
public interface DecisionConfig {

    /** WebSocket URL of market-feed-service's snapshot stream. */
    @WithDefault("ws://localhost:8081/ws/market")
    String feedUrl();

    /** Embedded database. */
    Database db();

    /**
     * Whether to relay the analyzer's /ws/analysis (decisions the moment they are known, reasons as they are
     * written) to the dashboard; the analyzer's address is quarkus.rest-client.ai-analyzer.url.
     */
    @WithDefault("true")
    boolean relayAnalysis();

    /** Feed connection settings. */
    Feed feed();

    /** Mode the engine starts in when none was saved: RULES, AI or HYBRID. */
    @WithDefault("HYBRID")
    String defaultMode();

    /** Hybrid policy used when none was saved: ADVISORY, VETO or AGREE. */
    @WithDefault("VETO")
    String defaultPolicy();

    /** Whether a person must confirm each proposal before it is filled. */
    @WithDefault("true")
    boolean requireConfirmation();

    /** How long a pending proposal waits for confirmation before it expires. */
    @WithDefault("60s")
    Duration proposalTtl();

    /** With confirmation off, the lowest confidence (1-10) that executes on its own. */
    @WithDefault("7")
    int autoMinConfidence();

    /** Whether the engine evaluates the market on feed frames and its schedule (tests switch it off). */
    @WithDefault("true")
    boolean engineEnabled();

    /** Signal scoring. */
    Scoring scoring();

    /** The model's own record: its answers scored, the record sent with its questions, the prompts kept. */
    ModelRecordSettings modelRecord();

    /** Risk governor defaults, until PUT /api/decision/risk stores others. */
    Risk risk();

    /** Lessons the model drafts from its scored answers and the trader approves ({@code decision.lessons.*}). */
    Lessons lessons();

    interface Lessons {
        /** Whether the model drafts lessons (on the analyzer's idle time); accepted ones stay in its prompt either way. */
        @WithDefault("true")
        boolean draft();

        /** A draft starts once this many answers of the model in use were scored since the last draft's newest one. */
        @WithDefault("20")
        @Min(1)
        int everyScored();

        /** How often the drafter looks whether a draft is due. */
        @WithDefault("1m")
        Duration checkEvery();

        /**
         * How often the analyzer is asked which lesson version its system message has, and sent the accepted set when it
         * has another (it restarted); a duration, or {@code off}.
         */
        @WithDefault("5s")
        String syncEvery();

        /** The newest scored answers a draft's digest sums up, per setup (kind, coin, side). */
        @WithDefault("200")
        @Min(1)
        int digestAnswers();

        /** At most this many lessons a draft may propose (1 to 5). */
        @WithDefault("3")
        @Min(1)
        @jakarta.validation.constraints.Max(5)
        int perDraft();

        /** No draft while this many proposals wait for the trader. */
        @WithDefault("10")
        @Min(1)
        int maxProposed();

        /** Accepted lessons in the system message, at most (an accept beyond is a 409). */
        @WithDefault("5")
        @Min(1)
        @jakarta.validation.constraints.Max(10)
        int maxAccepted();

        /** Estimated tokens of all accepted lessons in the system message, at most (an accept beyond is a 409). */
        @WithDefault("150")
        @Min(10)
        int maxTokens();
    }

    /** Notifications to a webhook ({@code decision.notify.*}). */
    @WithName("notify")
    Notify notifications();

    /**
     * Replay frames (market time) waiting for the engine thread, at most; a frame beyond is dropped, counted
     * (decision.engine.replay.dropped), logged and shown in the status, since the WebSocket client cannot slow the feed.
     */
    @WithDefault("10000")
    @Min(1)
    int engineReplayQueue();

    /** How often the time-based engine tick runs (exit checks of open positions, rules sampling). */
    @WithDefault("1s")
    Duration engineTickEvery();

    /** How often the analyzer's status and latest sentiment are fetched. */
    @WithDefault("5s")
    Duration analyzerPollEvery();

    /** Entry and exit analyses over Kafka (SIGNAL_TRANSPORT=kafka). */
    KafkaAnalysis kafkaAnalysis();

    /** Backtests: the scheduled AI sentiment on market time, and what it may cost. */
    Backtest backtest();

    interface Backtest {
        /** In an AI or HYBRID+AGREE backtest, the analyzer's sentiment is asked this often in market time (live: 30 s). */
        @WithDefault("30s")
        Duration sentimentEvery();

        /** A backtest whose estimated sentiment calls exceed this is refused before it runs (a call takes 1-2 s). */
        @WithDefault("2000")
        @Min(1)
        int maxSentimentCalls();

        /**
         * At most this many entry and exit questions to the model in an AI or HYBRID backtest (about 1 h at 3.5 s each):
         * the run ends after the frame whose questions reach it, and its report says so (they depend on what the rules
         * and the gate see, so they are not estimated before the run).
         */
        @WithDefault("1000")
        @Min(1)
        int maxModelCalls();
    }

    interface KafkaAnalysis {
        /** How long the engine waits for a decision of the analyzer group; sent with the request as its absolute deadline. */
        @WithDefault("3s")
        Duration deadline();

        /** Partitions of the requests and results topics when this service creates them (at most this many analyzer slots share the work). */
        @WithDefault("12")
        int partitions();
    }

    interface Database {
        /** Path of the SQLite database file, used when no url is set; its folder is created at startup. */
        @WithDefault("data/decision.db")
        String path();

        /** {@code jdbc:postgresql://…} (env DECISION_DB_URL): the ledger on PostgreSQL instead of the SQLite file. */
        Optional<String> url();

        /** PostgreSQL user (env DECISION_DB_USER). */
        Optional<String> user();

        /** PostgreSQL password (env DECISION_DB_PASSWORD). */
        Optional<String> password();

        /** While the ledger fails (or a halt is not yet written), how often it is tried again. */
        @WithDefault("2s")
        java.time.Duration retryEvery();
    }

    interface Feed {
        /** First reconnect delay after a drop; doubles up to max-backoff. */
        @WithDefault("1s")
        Duration minBackoff();

        /** Longest wait between reconnect attempts. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** The feed counts as stale when no frame arrived for this long. */
        @WithDefault("5s")
        Duration staleAfter();

        /**
         * The /ws/market publish interval this engine asks the feed for ({@code ?interval=} on the upgrade): a coin's
         * changes within it are coalesced into one frame. Whole milliseconds from 1 ms to 60 s; the feed refuses one
         * below its feed.publish-interval-min (10 ms) and then sends at its default (100 ms).
         */
        @WithDefault("10ms")
        Duration publishInterval();

        /**
         * How many distinct coins the engine keeps prices of (each is a state, a history and a metric tag): a frame's
         * coin beyond them is ignored, counted (decision.feed.coins.refused) and logged once.
         */
        @WithDefault("50")
        int maxCoins();

        /** How much price history is kept per coin (must exceed the longest scoring horizon). */
        @WithDefault("15m")
        Duration historyWindow();

        /**
         * The feed source this service trades on (simulator, binance, coinbase, kraken, replay); frames of any other
         * source are ignored and counted. Unset or "any": every source is taken, and positions are still only marked
         * and stopped by prices of the market they were opened on.
         */
        java.util.Optional<String> expectedSource();

        /** Whether the feed client connects at startup (tests connect it by hand). */
        @WithDefault("true")
        boolean connectAtStartup();

        /**
         * Kafka transport: a market record older than this when read (by its Kafka timestamp, when the feed sent it)
         * is skipped and counted (decision.feed.kafka.old), so reading the latest-state topic after a start never
         * trades on old prices; a live feed sends every coin at least every second.
         */
        @WithDefault("5s")
        Duration kafkaMaxAge();
    }

    interface Scoring {
        /** Horizons at which each signal is scored against the realised move. */
        @WithDefault("1m,5m")
        List<Duration> horizons();

        /** A move within plus/minus this many percent counts as flat (a hit for WAIT). */
        @WithDefault(SignalScorer.DEFAULT_FLAT_BAND_PCT)
        BigDecimal flatBandPct();

        /** How often the rules' view of each coin is recorded as a signal (WAIT included). */
        @WithDefault("30s")
        Duration sampleEvery();

        /** How many scored outcomes are kept in memory. */
        @WithName("keep")
        @WithDefault("20000")
        int keep();
    }

    /**
     * The model's own record ({@code decision.model-record.*}; the edge gate is the strategy's, {@code strategy.edge.*}):
     * every model answer is scored at the gate's horizon and its record travels with the next question on its setup.
     */
    interface ModelRecordSettings {
        /**
         * Whether each entry and exit question carries the model's own scored record on its setup (type, coin, side:
         * calls, right, net after costs, last outcomes, measured edge or not), scored at {@code strategy.edge.horizon}.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long (market time) a setup's record sent to the model stays the same: the question's first line then
         * stays in Ollama's prefix cache (and the analyzer's answer cache) between refreshes.
         */
        @WithDefault("10m")
        Duration refresh();

        /**
         * The newest scored model answers whose prompt and answer texts are kept for the training set (GET
         * /api/ai/dataset; about 1.5 kB each); older ones keep their outcome only.
         */
        @WithDefault("20000")
        @Min(0)
        int promptsKeep();
    }

    interface Risk {
        /** Largest notional of one position, percent of equity. */
        @WithDefault("20")
        BigDecimal maxPositionPct();

        /** Open positions at most. */
        @WithDefault("3")
        int maxOpenPositions();

        /** Sum of open notionals plus a new entry's, percent of equity. */
        @WithDefault("50")
        BigDecimal maxGrossExposurePct();

        /** No entry once today's (UTC) realised plus open unrealised loss reaches this percent of the initial equity. */
        @WithDefault("3")
        BigDecimal dailyLossLimitPct();

        /** No entry for this many seconds after an exit that lost money. */
        @WithDefault("120")
        int lossCooldownSeconds();

        /** Entry fills in the last 60 minutes at most. */
        @WithDefault("20")
        int maxEntriesPerHour();

        /** Consecutive model failures or fallbacks that switch safe mode on (model-decided entries blocked). */
        @WithDefault("3")
        int safeModeAfterFailures();

        /** An entry is refused (and a confirmed proposal expired) when the mark moved more than this percent from the proposal's price. */
        @WithDefault("0.2")
        BigDecimal maxSlippagePct();
    }

    interface Notify {
        /** Webhook receiving a JSON body on proposals, fills, stops, halt/resume and safe mode; unset = off. */
        java.util.Optional<String> webhookUrl();
    }
}
