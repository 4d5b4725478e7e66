package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.signaldesk.analyzer.client.FeedUnavailableException;
import io.signaldesk.analyzer.client.MarketFeedClient;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;
import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.domain.SentimentResult;

/**
 * The market sentiment run every analyzer.sentiment.every on the feed's snapshot; keeps the latest. At shutdown a run
 * stops waiting for its model question (whose deadline timer and answer may never come while Vert.x and the executor
 * stop: the stop then waited the thread pool's 60 s shutdown timeout) and no new run starts.
 */
@ApplicationScoped
public class SentimentScheduler {

    private static final Logger LOG = Logger.getLogger(SentimentScheduler.class);

    private final MarketFeedClient feed;
    private final AnalysisService analysis;
    private final AtomicReference<AnalysisEnvelope<SentimentResult>> latest = new AtomicReference<>();
    private final AtomicBoolean feedDown = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** What the run in progress waits on; completed empty at shutdown. */
    private final AtomicReference<CompletableFuture<AnalysisEnvelope<SentimentResult>>> waiting = new AtomicReference<>();

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
        if (stopping.get()) {
            return Optional.empty();
        }
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
        CompletableFuture<AnalysisEnvelope<SentimentResult>> answer = new CompletableFuture<>();
        waiting.set(answer);
        try {
            if (stopping.get()) {
                return Optional.empty();
            }
            analysis.analyse(new SentimentTask(market.coins()), start, deadline, Caller.SCHEDULE, AnalysisListener.NONE)
                    .whenComplete((envelope, failure) -> {
                        if (failure != null) {
                            answer.completeExceptionally(failure);
                        } else {
                            answer.complete(envelope);
                        }
                    });
            AnalysisEnvelope<SentimentResult> envelope = answer.join();
            latest.set(envelope);
            return Optional.of(envelope);
        } catch (CancellationException e) {
            LOG.info("Scheduled sentiment abandoned: the service is stopping");
            return Optional.empty();
        } finally {
            waiting.compareAndSet(answer, null);
        }
    }

    /** Shutdown: the run in progress stops waiting for the model (its answer, if any, is not kept) and none starts. */
    void stop(@Observes ShutdownEvent event) {
        stopping.set(true);
        CompletableFuture<AnalysisEnvelope<SentimentResult>> answer = waiting.get();
        if (answer != null) {
            answer.cancel(false);
        }
    }

    public Optional<AnalysisEnvelope<SentimentResult>> latest() {
        return Optional.ofNullable(latest.get());
    }
}
