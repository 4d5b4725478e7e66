-- Backtest jobs (POST /api/backtest/jobs) written through, so a finished job's report outlives a restart: one row a
-- job, its state, progress and, once finished, its report as JSON. The last 10 finished ones are kept (BacktestJobs.KEPT)
-- (older rows deleted); a job still QUEUED or RUNNING when the service stopped (a kill -9 included) is marked
-- INTERRUPTED when the service next reads its jobs after a start, never left as if it still ran. Portable: SQLite and PostgreSQL.
CREATE TABLE backtest_job (
    id           TEXT NOT NULL PRIMARY KEY,
    state        TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    started_at   TEXT,
    finished_at  TEXT,
    frames       BIGINT NOT NULL DEFAULT 0,
    total_frames BIGINT,
    market_time  TEXT,
    error        TEXT,
    field        TEXT,
    report       TEXT
);
CREATE INDEX backtest_job_submitted ON backtest_job (submitted_at);
