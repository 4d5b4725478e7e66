-- The market each signal was called on (FeedIdentity.market as the engine knew it), so the signal accuracy the API and
-- the dashboard show is the market the desk trades now, never the simulator's made-up prices pooled with a venue's.
-- Signals from before keep market NULL ("market not recorded", readable with ?market=). Portable: SQLite and PostgreSQL.
ALTER TABLE signal ADD COLUMN market TEXT;
