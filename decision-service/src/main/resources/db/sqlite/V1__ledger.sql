-- Prices, quantities and money are TEXT holding BigDecimal.toPlainString() so nothing is rounded.
-- Instants are ISO-8601 UTC TEXT.
CREATE TABLE proposal (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('ENTRY', 'EXIT')),
    coin            TEXT NOT NULL,
    side            TEXT NOT NULL CHECK (side IN ('LONG', 'SHORT')),
    size            TEXT NOT NULL,
    price           TEXT,
    confidence      INTEGER NOT NULL CHECK (confidence BETWEEN 1 AND 10),
    stop_loss_pct   TEXT,
    source          TEXT NOT NULL,
    mode            TEXT NOT NULL,
    policy          TEXT,
    rule_reason     TEXT,
    ai_reason       TEXT,
    fallback_reason TEXT,
    status          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    decided_at      TEXT
);
CREATE INDEX proposal_status_idx ON proposal (status, created_at);

-- One fill per proposal at most: the UNIQUE constraint is the last guard against a double fill.
CREATE TABLE fill (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id  TEXT NOT NULL UNIQUE REFERENCES proposal (id),
    kind         TEXT NOT NULL,
    coin         TEXT NOT NULL,
    side         TEXT NOT NULL,
    qty          TEXT NOT NULL,
    price        TEXT NOT NULL,
    fee          TEXT NOT NULL,
    realized_pnl TEXT NOT NULL,
    reason       TEXT,
    at           TEXT NOT NULL
);

CREATE TABLE position (
    coin        TEXT PRIMARY KEY,
    side        TEXT NOT NULL,
    qty         TEXT NOT NULL,
    entry_price TEXT NOT NULL,
    entry_fee   TEXT NOT NULL,
    stop_loss   TEXT,
    take_profit TEXT,
    opened_at   TEXT NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposal (id)
);

CREATE TABLE decision (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    coin            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    mode            TEXT NOT NULL,
    policy          TEXT,
    source          TEXT,
    direction       TEXT,
    confidence      INTEGER,
    rule_reason     TEXT,
    ai_reason       TEXT,
    fallback_reason TEXT,
    proposal_id     TEXT
);

CREATE TABLE equity_point (
    at     TEXT NOT NULL,
    equity TEXT NOT NULL
);

CREATE TABLE setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
