-- The market each scored call was measured on (FeedIdentity.market as the engine knew it: a venue's name, simulator,
-- replay#<run>, backtest#run), so the edge gate judges a setup only on the record of the market the desk trades now:
-- made-up prices never prove a setup for a venue. Rows written before stay, market NULL ("market not recorded"), and
-- are never read by a gate. Portable: SQLite and PostgreSQL.
ALTER TABLE edge_outcome ADD COLUMN market TEXT;
CREATE INDEX edge_outcome_market ON edge_outcome (market, horizon_seconds);
