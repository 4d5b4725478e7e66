package io.signaldesk.analyzer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.Markets;
import io.signaldesk.analyzer.client.MarketFeedClient;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisEnvelope;
import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.domain.SentimentResult;

/**
 * The analyzer's stop while the scheduled sentiment waits for a model that holds its answer: the run returns at
 * shutdown instead of holding the worker thread (and the stop) until the thread pool's shutdown timeout.
 */
class SentimentSchedulerStopTest {

    /** An analysis whose model question never answers: what the run waits on while Vert.x and the executor stop. */
    static final class HeldModel extends AnalysisService {
        final CountDownLatch asked = new CountDownLatch(1);
        final AtomicInteger questions = new AtomicInteger();
        final CompletableFuture<AnalysisEnvelope<SentimentResult>> held = new CompletableFuture<>();

        HeldModel() {
            super(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> CompletionStage<AnalysisEnvelope<R>> analyse(AnalysisTask<R> task, long startNanos, Duration deadline,
                Caller caller, AnalysisListener listener) {
            questions.incrementAndGet();
            asked.countDown();
            return (CompletionStage<AnalysisEnvelope<R>>) (CompletionStage<?>) held;
        }
    }

    static final class Feed extends MarketFeedClient {
        Feed() {
            super(null, "http://127.0.0.1:1");
        }

        @Override
        public MarketSnapshotDto snapshot() {
            return Markets.snapshot();
        }
    }

    static AnalyzerConfig config() {
        AnalyzerConfig.Sentiment sentiment = new AnalyzerConfig.Sentiment() {
            @Override
            public String every() {
                return "30s";
            }

            @Override
            public Duration deadline() {
                return Duration.ofSeconds(10);
            }
        };
        return (AnalyzerConfig) Proxy.newProxyInstance(AnalyzerConfig.class.getClassLoader(), new Class<?>[] {AnalyzerConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sentiment")) {
                        return sentiment;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theStopEndsARunWaitingForAModelThatHoldsItsAnswer() throws Exception {
        HeldModel model = new HeldModel();
        SentimentScheduler scheduler = new SentimentScheduler(new Feed(), model, config());
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<AnalysisEnvelope<SentimentResult>>> run = worker.submit(scheduler::run);
            assertTrue(model.asked.await(60, TimeUnit.SECONDS), "the run asks the model");

            scheduler.stop(null);

            // 60 s only bounds a hang (the bug: the run never returns while the model holds its answer)
            assertEquals(Optional.empty(), run.get(60, TimeUnit.SECONDS));
            assertFalse(model.held.isDone(), "the model still holds its answer");
            assertTrue(scheduler.latest().isEmpty(), "nothing is kept from an abandoned run");
            assertEquals(Optional.empty(), scheduler.run(), "no run starts once stopping");
            assertEquals(1, model.questions.get(), "the run after the stop asks nothing");
        } finally {
            worker.shutdownNow();
        }
    }
}
