package io.signaldesk.decision.backtest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.signaldesk.common.error.BadInputException;

/**
 * Long backtests as jobs: a request is checked at once (a bad one is refused before anything runs), then replayed on
 * a thread of its own while its progress can be read; at most one runs (with POST /api/backtest: one backtest at a
 * time), and the last {@link #KEPT} finished ones are kept in memory with their reports, older ones forgotten.
 */
@ApplicationScoped
public class BacktestJobs {

    /** Finished jobs kept (with their reports) for GET; the oldest goes first. */
    static final int KEPT = 5;

    private static final Logger LOG = Logger.getLogger(BacktestJobs.class);

    private final BacktestService backtests;
    private final Clock clock;
    private final Map<String, BacktestJob> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backtest-job");
        t.setDaemon(true);
        return t;
    });

    BacktestJobs(BacktestService backtests, Clock clock) {
        this.backtests = backtests;
        this.clock = clock;
    }

    /** Checks {@code request} and queues it; {@link BacktestService.Busy} while another backtest runs or waits. */
    public synchronized BacktestJob submit(BacktestRequest request) {
        BacktestService.Checked checked = backtests.check(request);
        if (backtests.running() || jobs.values().stream().anyMatch(j -> !j.finished())) {
            throw new BacktestService.Busy();
        }
        BacktestJob job = new BacktestJob(UUID.randomUUID().toString().replace("-", "").substring(0, 12), clock.instant());
        jobs.put(job.id(), job);
        forgetOldFinished();
        worker.execute(() -> run(job, checked));
        return job;
    }

    public synchronized Optional<BacktestJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public synchronized List<BacktestJob> all() {
        return new ArrayList<>(jobs.values());
    }

    /** A waiting or running job is asked to stop (it stops within a few hundred frames); a finished one is forgotten. */
    public synchronized Optional<BacktestJob> cancel(String id) {
        BacktestJob job = jobs.get(id);
        if (job != null && job.finished()) {
            jobs.remove(id);
        } else if (job != null) {
            job.cancel();
        }
        return Optional.ofNullable(job);
    }

    private void run(BacktestJob job, BacktestService.Checked checked) {
        if (job.cancelRequested()) {
            job.cancelled(clock.instant());
            return;
        }
        try {
            BacktestReport report = backtests.run(checked, new BacktestRunner.Progress() {
                @Override
                public void started(long totalFrames) {
                    job.started(clock.instant(), totalFrames);
                }

                @Override
                public boolean at(long frames, Instant marketTime) {
                    job.progress(frames, marketTime);
                    return !job.cancelRequested();
                }
            });
            job.done(report, clock.instant());
        } catch (BacktestRunner.Cancelled e) {
            job.cancelled(clock.instant());
        } catch (BadInputException e) { // a file found broken while it is read
            job.failed(e.getMessage(), e.field(), clock.instant());
        } catch (BacktestService.Busy e) {
            job.failed(e.getMessage(), null, clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf(e, "backtest job %s failed", job.id());
            job.failed("the backtest failed: " + e.getClass().getSimpleName(), null, clock.instant());
        } finally {
            synchronized (this) {
                forgetOldFinished();
            }
        }
    }

    private void forgetOldFinished() {
        List<String> finished = jobs.values().stream().filter(BacktestJob::finished).map(BacktestJob::id).toList();
        for (int i = 0; i < finished.size() - KEPT; i++) {
            jobs.remove(finished.get(i));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
