-- Every scored signal (rules evaluations, AI sentiment, AI entry answers), kept so accuracy survives a restart.
-- Prices and moves are TEXT holding BigDecimal.toPlainString(); instants are ISO-8601 UTC TEXT.
CREATE TABLE signal (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    coin               TEXT NOT NULL,
    source             TEXT NOT NULL,
    direction          TEXT NOT NULL CHECK (direction IN ('LONG', 'SHORT', 'WAIT')),
    confidence         INTEGER NOT NULL,
    price              TEXT NOT NULL,
    momentum_direction TEXT,
    at                 TEXT NOT NULL
);

-- One row per signal and horizon: PENDING until the horizon has passed and the price there is known, then
-- SCORED; UNSCORABLE when the price at the horizon is no longer known (e.g. it passed while the service was down).
CREATE TABLE signal_outcome (
    signal_id         INTEGER NOT NULL REFERENCES signal (id),
    horizon_seconds   INTEGER NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('PENDING', 'SCORED', 'UNSCORABLE')),
    price_at_horizon  TEXT,
    move_pct          TEXT,
    actual            TEXT,
    hit               INTEGER,
    always_wait_hit   INTEGER,
    momentum_only_hit INTEGER,
    decided_at        TEXT,
    PRIMARY KEY (signal_id, horizon_seconds)
);
CREATE INDEX signal_outcome_status_idx ON signal_outcome (status, decided_at);
