-- The model's own record: every entry and exit answer the model gave the engine (not the analyzer's rules), scored
-- at the edge horizon in market time. kind ENTRY or EXIT, side the position's (or proposed) side, acted 1 when the
-- answer acted (entered; held the position), move_pct the coin's move in the side's direction before costs,
-- net_pct what acting earned after costs (entries: move less the round trip; holds: the move), right_answer 1 when the
-- answer was the right one (entries: entered and net above zero, or skipped and net at or below zero; exits: held and
-- the move above zero, or closed and the move at or below zero). The prompt as sent, for the training set
-- (GET /api/ai/dataset): question (the user message), answer (the model's decision and reason as JSON), system_sha
-- (the system message, kept once in model_prompt); null when not known (an answer heard without them) and cleared
-- on the oldest rows beyond the bound. Portable: SQLite and PostgreSQL.
CREATE TABLE model_answer (
    kind            TEXT NOT NULL,
    coin            TEXT NOT NULL,
    side            TEXT NOT NULL,
    acted           INTEGER NOT NULL,
    confidence      INTEGER,
    model           TEXT,
    answered_at     TEXT NOT NULL,
    horizon_seconds INTEGER NOT NULL,
    move_pct        TEXT NOT NULL,
    net_pct         TEXT NOT NULL,
    right_answer    INTEGER NOT NULL,
    question        TEXT,
    answer          TEXT,
    system_sha      TEXT
);
CREATE INDEX model_answer_setup ON model_answer (kind, coin, side, answered_at);

CREATE TABLE model_prompt (
    sha    TEXT NOT NULL PRIMARY KEY,
    system TEXT NOT NULL
);
