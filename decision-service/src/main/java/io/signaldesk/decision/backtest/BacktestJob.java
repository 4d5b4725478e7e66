package io.signaldesk.decision.backtest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.ledger.BacktestJobRepository;

/**
 * One backtest run as a job (POST /api/backtest/jobs): its state, progress and, once done, its report; written to the
 * ledger as a {@link BacktestJobRepository.Row} and read back from one after a restart (then its report is the JSON
 * that was written, and a job that was still going is INTERRUPTED).
 */
final class BacktestJob {

    enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED, INTERRUPTED
    }

    /**
     * What GET /api/backtest/jobs/{id} answers; {@code report} only when asked and done: the {@link BacktestReport}
     * (a walk-forward's {@link WalkForward.Report}, out-of-sample windows), or the JSON it was written as when the job
     * finished before the last restart.
     */
    @RegisterForReflection
    record View(String id, State state, Instant submittedAt, Instant startedAt, Instant finishedAt, long frames,
            Long totalFrames, Double progressPct, Instant marketTime, boolean cancelRequested, String error,
            String field, @Schema(oneOf = { BacktestReport.class, WalkForward.Report.class }) Object report) {
    }

    private final String id;
    private final Instant submittedAt;
    private volatile State state = State.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long frames;
    private volatile long totalFrames = -1;
    private volatile Instant marketTime;
    private volatile boolean cancelRequested;
    private volatile String error;
    private volatile String field;
    /** A {@link BacktestReport} or a walk-forward's {@link WalkForward.Report}. */
    private volatile Object report;
    /** The report as written to the ledger before a restart (a job read back). */
    private volatile JsonNode writtenReport;

    BacktestJob(String id, Instant submittedAt) {
        this.id = id;
        this.submittedAt = submittedAt;
    }

    /** A job read back from the ledger; {@code report} its report's JSON (null unless DONE). */
    static BacktestJob restored(BacktestJobRepository.Row row, JsonNode report) {
        BacktestJob job = new BacktestJob(row.id(), row.submittedAt());
        job.state = State.valueOf(row.state());
        job.startedAt = row.startedAt();
        job.finishedAt = row.finishedAt();
        job.frames = row.frames();
        job.totalFrames = row.totalFrames() == null ? -1 : row.totalFrames();
        job.marketTime = row.marketTime();
        job.error = row.error();
        job.field = row.field();
        job.writtenReport = report;
        return job;
    }

    /** The job as the ledger keeps it; {@code reportJson} its report's JSON (null unless DONE). */
    BacktestJobRepository.Row row(String reportJson) {
        return new BacktestJobRepository.Row(id, state.name(), submittedAt, startedAt, finishedAt, frames,
                totalFrames >= 0 ? totalFrames : null, marketTime, error, field, reportJson);
    }

    /** The report of a job done since the start (null otherwise): a {@link BacktestReport} or a {@link WalkForward.Report}. */
    Object report() {
        return report;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    String id() {
        return id;
    }

    State state() {
        return state;
    }

    boolean finished() {
        return state != State.QUEUED && state != State.RUNNING;
    }

    void cancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void started(Instant at, long total) {
        startedAt = at;
        totalFrames = total;
        state = State.RUNNING;
    }

    void progress(long replayed, Instant at) {
        frames = replayed;
        marketTime = at;
    }

    void done(BacktestReport result, Instant at) {
        done(result, result.frames(), at);
    }

    /** A walk-forward done: {@code replayed} the frames of all its windows. */
    void done(WalkForward.Report result, Instant at) {
        done(result, result.frames(), at);
    }

    private void done(Object result, long replayed, Instant at) {
        report = result;
        frames = replayed;
        end(State.DONE, at);
    }

    void failed(String why, String inField, Instant at) {
        error = why;
        field = inField;
        end(State.FAILED, at);
    }

    void cancelled(Instant at) {
        end(State.CANCELLED, at);
    }

    private void end(State to, Instant at) {
        finishedAt = at;
        state = to;
    }

    /** The job as it was accepted: QUEUED, nothing replayed (the worker may already have started it). */
    View accepted() {
        return new View(id, State.QUEUED, submittedAt, null, null, 0, null, null, null, false, null, null, null);
    }

    View view(boolean withReport) {
        long total = totalFrames;
        Double pct = total > 0 ? Math.min(100.0, Math.round(frames * 1000.0 / total) / 10.0) : null;
        return new View(id, state, submittedAt, startedAt, finishedAt, frames, total >= 0 ? total : null, pct,
                marketTime, cancelRequested, error, field, !withReport ? null : report != null ? report : writtenReport);
    }
}
