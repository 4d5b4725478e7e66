-- The engine's entry cooldowns: when each coin's latest entry decision was taken (the engine's time: the clock live,
-- market time in a replay or backtest). One row a coin, written when a cooldown starts and read at start, so a
-- restart (a kill -9 included) does not let the engine enter a coin again before its decision.entry-cooldown has
-- passed. Portable: SQLite and PostgreSQL.
CREATE TABLE entry_cooldown (
    coin       TEXT NOT NULL PRIMARY KEY,
    decided_at TEXT NOT NULL
);
