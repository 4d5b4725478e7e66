-- The venue time of the market data a decision was made on (the coin's last event as the feed reported it), beside
-- `at`, the wall-clock time it was made: in a replay the two are years apart. NULL for decisions made before.
ALTER TABLE decision ADD COLUMN market_at TEXT;
