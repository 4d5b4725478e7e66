-- Backtest jobs on a ledger several decision services share (PostgreSQL): each job names the service running it
-- (owner, a random id per start) and holds a lease that service renews while the job is queued or running
-- (BacktestJobs.RENEW_EVERY, 10 s; BacktestJobs.LEASE, 60 s). Only a job whose lease has run out (or that has none,
-- written before this version) is marked INTERRUPTED by another service or a restart. Portable: SQLite and PostgreSQL.
ALTER TABLE backtest_job ADD COLUMN owner TEXT;
ALTER TABLE backtest_job ADD COLUMN lease_until TEXT;
