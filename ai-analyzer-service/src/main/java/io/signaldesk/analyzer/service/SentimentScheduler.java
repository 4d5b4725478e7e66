package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.signaldesk.analyzer.client.FeedUnavailableException;
import io.signaldesk.analyzer.client.MarketFeedClient;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;
import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.domain.SentimentResult;

/** The market sentiment run every analyzer.sentiment.every on the feed's snapshot; keeps the latest. */
@ApplicationScoped
public class SentimentScheduler {

    private static final Logger LOG = Logger.getLogger(SentimentScheduler.class);

    private final MarketFeedClient feed;
    private final AnalysisService analysis;
    private final AtomicReference<AnalysisEnvelope<SentimentResult>> latest = new AtomicReference<>();
    private final AtomicBoolean feedDown = new AtomicBoolean();

    private final Duration deadline;

    public SentimentScheduler(MarketFeedClient feed, AnalysisService analysis, AnalyzerConfig config) {
        this.feed = feed;
        this.analysis = analysis;
        this.deadline = config.sentiment().deadline();
    }

    @Scheduled(identity = "market-sentiment", every = "${analyzer.sentiment.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One run: skipped (logged once per outage) while the feed is down or has no coin yet. */
    public Optional<AnalysisEnvelope<SentimentResult>> run() {
        long start = System.nanoTime();
        MarketSnapshotDto market;
        try {
            market = feed.snapshot();
        } catch (FeedUnavailableException e) {
            if (feedDown.compareAndSet(false, true)) {
                LOG.warnf("Scheduled sentiment skipped until the feed answers: %s", e.getMessage());
            }
            return Optional.empty();
        }
        if (feedDown.compareAndSet(true, false)) {
            LOG.info("Market feed answers again, scheduled sentiment resumes");
        }
        if (market.coins().isEmpty()) {
            return Optional.empty();
        }
        AnalysisEnvelope<SentimentResult> envelope = analysis.analyse(new SentimentTask(market.coins()), start, deadline, Caller.SCHEDULE,
                AnalysisListener.NONE).toCompletableFuture().join();
        latest.set(envelope);
        return Optional.of(envelope);
    }

    public Optional<AnalysisEnvelope<SentimentResult>> latest() {
        return Optional.ofNullable(latest.get());
    }
}
