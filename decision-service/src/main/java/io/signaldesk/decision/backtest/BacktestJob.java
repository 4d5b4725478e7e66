package io.signaldesk.decision.backtest;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One backtest run as a job (POST /api/backtest/jobs): its state, progress and, once done, its report. */
final class BacktestJob {

    enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED
    }

    /** What GET /api/backtest/jobs/{id} answers; {@code report} only when asked and done. */
    @RegisterForReflection
    record View(String id, State state, Instant submittedAt, Instant startedAt, Instant finishedAt, long frames,
            Long totalFrames, Double progressPct, Instant marketTime, boolean cancelRequested, String error,
            String field, BacktestReport report) {
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
    private volatile BacktestReport report;

    BacktestJob(String id, Instant submittedAt) {
        this.id = id;
        this.submittedAt = submittedAt;
    }

    String id() {
        return id;
    }

    State state() {
        return state;
    }

    boolean finished() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
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
        report = result;
        frames = result.frames();
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
                marketTime, cancelRequested, error, field, withReport ? report : null);
    }
}
