package io.signaldesk.analyzer.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.signaldesk.analyzer.domain.AiMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code analyzer.*} setting of ai-analyzer-service. */
@ConfigMapping(prefix = "analyzer")
public interface AnalyzerConfig {

    /** Longest a caller waits for the model's decision, from its request's arrival, before the labelled rules answer. */
    @WithDefault("2s")
    Duration deadline();

    /** Mode at start: AI (model first, rules as fallback) or RULES (rules only). */
    @WithDefault("AI")
    AiMode mode();

    /** Ollama connection and generation options. */
    Ollama ollama();

    /** Scheduled market sentiment. */
    Sentiment sentiment();

    /** The desk's background work on the model. */
    Background background();

    /** Answer cache. */
    Cache cache();

    /** Thresholds of the rule-based analyzer. */
    Rules rules();

    /** Callers other than the desk (no X-Engine-Key): their own rate limit, behind the desk in the model queue. */
    Outside outside();

    interface Outside {
        /** Analyses one outside client (remote address) may ask per minute, on average. */
        @WithDefault("12")
        int perMinute();

        /** Analyses one outside client may ask at once before the per-minute rate applies. */
        @WithDefault("4")
        int burst();

        /** Distinct outside clients remembered at once; past it, the fullest (idle) buckets are forgotten. */
        @WithDefault("10000")
        int maxClients();
    }

    /** Analysis requests served over Kafka (SIGNAL_TRANSPORT=kafka); the channels are mp.messaging.*.analysis-*. */
    Kafka kafka();

    interface Kafka {
        /** This analyzer's name on its answers (env ANALYZER_KAFKA_INSTANCE); default the host name. */
        java.util.Optional<String> instance();

        /** Reply topics a request may name must start with this (a record never picks an arbitrary topic). */
        @WithDefault("signal.analysis.results")
        String replyTopicPrefix();

        /** Kept free before a request's deadline for the answer to travel back: the model decides by deadline - margin. */
        @WithDefault("200ms")
        Duration replyMargin();

        /** Partitions of the requests and results topics when this analyzer creates them: an upper bound on analyzers x in-flight slots sharing the work. */
        @WithDefault("12")
        int partitions();
    }

    /** The Ollama URL is the extension's key alone, quarkus.langchain4j.ollama.base-url (env OLLAMA_BASE_URL). */
    interface Ollama {
        /** Model used at start (env OLLAMA_MODEL); mistral:7b is the quality option. */
        @WithDefault("llama3.2:3b")
        String model();

        /** Sampling temperature; low keeps answers consistent. */
        @WithDefault("0.2")
        double temperature();

        /** Fixed seed so the same prompt gives the same answer. */
        @WithDefault("42")
        int seed();

        /** Context window (num_ctx), sent unchanged on every call: Ollama reloads the model when it changes. */
        @WithDefault("2048")
        int numCtx();

        /** How long Ollama keeps the model loaded after a call (keep_alive). */
        @WithDefault("30m")
        Duration keepAlive();

        /** Whether to load the model at start, on a switch and every keep-alive/2. */
        @WithDefault("true")
        boolean preload();
    }

    /** The desk's background work (the scheduled sentiment, a lesson), asked only in an idle window the model queue predicts. */
    interface Background {
        /** Whether background work waits for an idle window; false: it starts whenever the model is free (put back for any question). */
        @WithDefault("true")
        boolean idleWindow();

        /** Longest background work waits for a window that fits it whole; after that a window that fits its prompt read will do. */
        @WithDefault("4s")
        Duration maxDelay();

        /** With no rhythm of questions measured yet (at start, or after a first question), how long without one is quiet. */
        @WithDefault("10s")
        Duration quiet();
    }

    interface Sentiment {
        /** Interval of the scheduled sentiment run ("off" disables it). */
        @WithDefault("30s")
        String every();

        /** Longest the scheduled sentiment waits for the model's decision: nobody waits on it, so it may queue. */
        @WithDefault("10s")
        Duration deadline();
    }

    interface Cache {
        /** How long a model answer is reused for the very same question (the same prompt text, prices and volumes included). */
        @WithDefault("30s")
        Duration ttl();
    }

    /**
     * The risk answer's sizing rule. The entry, exit and sentiment rules are the trading core's, with the thresholds
     * and stop/target of {@code strategy.rules.*} and {@code strategy.exit.*} (service-common's StrategyConfig).
     */
    interface Rules {
        /** Equity (percent) risked per trade when sizing a position. */
        @WithDefault("1.0")
        BigDecimal riskPerTradePct();

        /** Largest position the risk rule proposes, in percent of equity. */
        @WithDefault("20")
        BigDecimal maxPositionPct();

        /** Tightest stop-loss the risk rule proposes, in percent. */
        @WithDefault("0.5")
        BigDecimal minStopLossPct();

        /** Widest stop-loss the risk rule proposes, in percent. */
        @WithDefault("5.0")
        BigDecimal maxStopLossPct();

        /** Stop-loss as a multiple of 60 s volatility. */
        @WithDefault("3")
        BigDecimal stopVolatilityMultiple();
    }
}
