package io.signaldesk.decision.backtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.decision.engine.port.LedgerUnavailable;
import io.signaldesk.decision.ledger.BacktestJobRepository;

/**
 * Long backtests as jobs: a request is checked at once (a bad one is refused before anything runs), then replayed on
 * a thread of its own while its progress can be read; at most one runs (with POST /api/backtest: one backtest at a
 * time). Each job is written to the ledger when it is queued, starts and ends (its report as JSON), so the last
 * {@link #KEPT} finished ones, with their reports, are there after a restart; older ones are forgotten. A queued or
 * running job names this service as its owner and holds a {@link #LEASE} the service renews every
 * {@link #RENEW_EVERY}: a job of another service sharing the ledger is shown as that service last wrote it, and one
 * whose lease ran out (its service stopped under it, a kill -9 included) is marked INTERRUPTED, at the first use after
 * a start or at a later renewal, never shown as if it still ran.
 */
@ApplicationScoped
public class BacktestJobs {

    /** Finished jobs kept (with their reports) for GET, in memory and in the ledger; the oldest goes first. */
    static final int KEPT = 10;

    /** How long a queued or running job's lease holds unless its service renews it. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** How often a service renews its jobs' leases (and looks for jobs whose lease ran out). */
    static final String RENEW_EVERY = "10s";

    /** The error of a job the service stopped under. */
    static final String INTERRUPTED = "the service stopped while this backtest was queued or running; run it again";

    private static final Logger LOG = Logger.getLogger(BacktestJobs.class);

    private final BacktestService backtests;
    private final BacktestJobRepository store;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, BacktestJob> jobs = new LinkedHashMap<>();
    /** This service as the owner of the jobs it runs: a new id at each start. */
    private final String owner = UUID.randomUUID().toString();
    /**
     * The ids of this service's jobs still to renew: submitted here and not finished, or finished and not yet written so
     * (the others in {@link #jobs} were read from the ledger, or are finished and written).
     */
    private final Set<String> own = new HashSet<>();
    private static final int STOP_WAIT_SECONDS = 5;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backtest-job");
        t.setDaemon(true);
        return t;
    });
    private boolean loaded;

    BacktestJobs(BacktestService backtests, BacktestJobRepository store, ObjectMapper json, Clock clock) {
        this.backtests = backtests;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Checks {@code request} and queues it; {@link BacktestService.Busy} while another backtest runs or waits. */
    public synchronized BacktestJob submit(BacktestRequest request) {
        load();
        BacktestService.Checked checked = backtests.check(request);
        if (backtests.running() || jobs.values().stream().anyMatch(j -> own.contains(j.id()) && !j.finished())) {
            throw new BacktestService.Busy();
        }
        BacktestJob job = new BacktestJob(UUID.randomUUID().toString().replace("-", "").substring(0, 12), clock.instant());
        jobs.put(job.id(), job);
        own.add(job.id());
        write(job);
        forgetOldFinished();
        worker.execute(() -> run(job, checked));
        return job;
    }

    public synchronized Optional<BacktestJob> find(String id) {
        load();
        return Optional.ofNullable(jobs.get(id));
    }

    public synchronized List<BacktestJob> all() {
        load();
        return new ArrayList<>(jobs.values());
    }

    /** A waiting or running job is asked to stop (it stops within a few hundred frames); a finished one is forgotten. */
    public synchronized Optional<BacktestJob> cancel(String id) {
        load();
        BacktestJob job = jobs.get(id);
        if (job != null && job.finished()) {
            jobs.remove(id);
            try {
                store.delete(id);
            } catch (LedgerUnavailable e) {
                LOG.warnf("backtest job %s forgotten here, still in the ledger: %s", id, e.getMessage());
            }
        } else if (job != null) {
            job.cancel();
        }
        return Optional.ofNullable(job);
    }

    private void run(BacktestJob job, BacktestService.Checked checked) {
        if (job.cancelRequested()) {
            job.cancelled(clock.instant());
            finish(job);
            return;
        }
        BacktestRunner.Progress progress = new BacktestRunner.Progress() {
            @Override
            public void started(long totalFrames) {
                job.started(clock.instant(), totalFrames);
                write(job);
            }

            @Override
            public boolean at(long frames, Instant marketTime) {
                job.progress(frames, marketTime);
                return !job.cancelRequested();
            }
        };
        try {
            if (checked.walkForward() != null) {
                job.done(backtests.walkForward(checked, progress), clock.instant());
            } else {
                job.done(backtests.run(checked, progress), clock.instant());
            }
        } catch (BacktestRunner.Cancelled e) {
            job.cancelled(clock.instant());
        } catch (BadInputException e) { // a file found broken while it is read
            job.failed(e.getMessage(), e.field(), clock.instant());
        } catch (BacktestService.Busy | BacktestUnavailable e) {
            job.failed(e.getMessage(), null, clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf(e, "backtest job %s failed", job.id());
            job.failed("the backtest failed: " + e.getClass().getSimpleName(), null, clock.instant());
        } finally {
            finish(job);
        }
    }

    private synchronized void finish(BacktestJob job) {
        if (write(job)) {
            own.remove(job.id());
        }
        forgetOldFinished();
    }

    /**
     * Once, before the first use: the jobs the ledger keeps, those a stopped service left queued or running marked
     * INTERRUPTED first. A ledger that cannot answer now is asked again at the next use; jobs of this run are kept.
     */
    private void load() {
        if (loaded) {
            return;
        }
        try {
            int interrupted = store.interruptUnfinished(clock.instant(), INTERRUPTED, own);
            if (interrupted > 0) {
                LOG.infof("%d backtest job(s) the service stopped under marked INTERRUPTED", interrupted);
            }
            for (BacktestJobRepository.Row row : store.all()) {
                jobs.putIfAbsent(row.id(), BacktestJob.restored(row, report(row)));
            }
            loaded = true;
            forgetOldFinished();
        } catch (LedgerUnavailable e) {
            LOG.warnf("backtest jobs of earlier runs not read (asked again at the next use): %s", e.getMessage());
        }
    }

    /**
     * Every {@link #RENEW_EVERY}: this service's queued and running jobs are written as they are now (their progress, so
     * other services show it and an interrupted job keeps it) and hold their lease for another {@link #LEASE} (a finished
     * one whose last write failed is written again, then no more); jobs of other services whose lease ran out are marked
     * INTERRUPTED, and those shown here as still going are read again. With no job going anywhere: one read of the
     * unfinished jobs' leases, no write.
     */
    @Scheduled(every = RENEW_EVERY, delayed = RENEW_EVERY, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void renewLeases() {
        Instant now = clock.instant();
        try {
            for (Iterator<String> ids = own.iterator(); ids.hasNext();) {
                BacktestJob job = jobs.get(ids.next());
                if (job == null || write(job) && job.finished()) {
                    ids.remove();
                }
            }
            if (!loaded) {
                return; // the first use marks them and reads them all
            }
            List<String> gone = store.unfinished().stream()
                    .filter(l -> !own.contains(l.id()) && (l.until() == null || l.until().isBefore(now)))
                    .map(BacktestJobRepository.Lease::id).toList();
            int interrupted = store.interrupt(now, INTERRUPTED, gone);
            if (interrupted > 0) {
                LOG.infof("%d backtest job(s) whose service is gone (lease run out) marked INTERRUPTED", interrupted);
            }
            List<String> elsewhere = jobs.values().stream().filter(j -> !own.contains(j.id()) && !j.finished())
                    .map(BacktestJob::id).toList();
            for (BacktestJobRepository.Row row : store.find(elsewhere)) {
                jobs.put(row.id(), BacktestJob.restored(row, report(row)));
            }
        } catch (LedgerUnavailable e) {
            LOG.warnf("backtest job leases not renewed now (again in %s): %s", RENEW_EVERY, e.getMessage());
        }
    }

    private JsonNode report(BacktestJobRepository.Row row) {
        if (row.report() == null) {
            return null;
        }
        try {
            return json.readTree(row.report());
        } catch (JsonProcessingException e) {
            LOG.warnf("backtest job %s: its report in the ledger is not JSON, shown without it", row.id());
            return null;
        }
    }

    /**
     * The job's row as it is now, whether written; a ledger that fails loses the row, never the job in memory. Under the
     * lock every other write takes (the "started" write comes from the job's thread), so a renewal's write of an older
     * state cannot land after it.
     */
    private synchronized boolean write(BacktestJob job) {
        try {
            Object report = job.state() == BacktestJob.State.DONE ? job.report() : null;
            store.save(job.row(report == null ? null : json.writeValueAsString(report)), owner,
                    job.finished() ? null : clock.instant().plus(LEASE));
            return true;
        } catch (LedgerUnavailable | JsonProcessingException e) {
            LOG.warnf("backtest job %s (%s) not written to the ledger: %s", job.id(), job.state(), e.getMessage());
            return false;
        }
    }

    /**
     * Keeps the {@link #KEPT} newest finished jobs by submission time, as the ledger does: jobs of this run can be in
     * the map ahead of older ones read later (when the ledger could not answer at first use).
     */
    private void forgetOldFinished() {
        List<String> finished = jobs.values().stream().filter(BacktestJob::finished)
                .sorted(Comparator.comparing(BacktestJob::submittedAt).thenComparing(BacktestJob::id))
                .map(BacktestJob::id).toList();
        for (int i = 0; i < finished.size() - KEPT; i++) {
            jobs.remove(finished.get(i));
        }
        try {
            store.keepFinished(KEPT);
        } catch (LedgerUnavailable e) {
            LOG.warnf("old backtest jobs not deleted from the ledger now: %s", e.getMessage());
        }
    }

    /** Stops the worker and waits (bounded) for the job it runs to write its last state, so the ledger closes after it. */
    @PreDestroy
    void stop() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("a backtest job was still running %d s after the stop", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
