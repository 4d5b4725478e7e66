-- The edge gate's track record: every entry the engine called (proposed or stopped by the gate), scored at the edge
-- horizon in market time. move_pct is the move in the call's direction before costs (BigDecimal text); the costs
-- are applied when it is read, so a changed fee setting re-prices the record. origin: LIVE (this service's engine) or
-- SEED (a backtest over past data, POST /api/backtest with seedTrackRecord). Portable: SQLite and PostgreSQL.
CREATE TABLE edge_outcome (
    coin            TEXT NOT NULL,
    source          TEXT NOT NULL,
    direction       TEXT NOT NULL,
    bucket          TEXT NOT NULL,
    regime          TEXT NOT NULL,
    called_at       TEXT NOT NULL,
    horizon_seconds INTEGER NOT NULL,
    move_pct        TEXT NOT NULL,
    origin          TEXT NOT NULL
);
CREATE INDEX edge_outcome_horizon ON edge_outcome (horizon_seconds);
