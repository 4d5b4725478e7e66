-- Lessons a trader approves (issue 20): one-line lessons the model drafts from its scored answers (model_answer), kept
-- as proposals until the trader accepts or rejects them; accepted ones go into the analyzer's system message until
-- retired. The evidence is the code's, not the model's: the setups a lesson names ("ENTRY BTC LONG"), how many scored
-- answers they had, how many were right, and the mean net result after costs of acting on all of them, with a normal
-- 95 % interval (null below two answers). status PROPOSED, ACCEPTED, REJECTED or RETIRED.
CREATE TABLE lesson (
    id          BIGINT NOT NULL PRIMARY KEY,
    line        TEXT NOT NULL,
    status      TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    decided_at  TEXT,
    model       TEXT,
    setups      TEXT NOT NULL,
    decisions   INTEGER NOT NULL,
    rights      INTEGER NOT NULL,
    net_pct     TEXT,
    net_low     TEXT,
    net_high    TEXT,
    tokens      INTEGER NOT NULL
);

-- Every change of the accepted set: version 1, 2, ... (0 = none yet), when, what changed, the accepted ids after it.
CREATE TABLE lesson_version (
    version    INTEGER NOT NULL PRIMARY KEY,
    changed_at TEXT NOT NULL,
    change     TEXT NOT NULL,
    lesson_ids TEXT NOT NULL
);

-- Each draft: when, the newest scored answer its digest covered, its outcome (DRAFTED, INVALID, SKIPPED, FAILED)
-- and how many proposals it made; the next draft waits for answers scored after the last covered one.
CREATE TABLE lesson_draft (
    drafted_at TEXT NOT NULL,
    through    TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    proposals  INTEGER NOT NULL,
    detail     TEXT
);

-- The lesson version an answer was asked under (null: before lessons, or not said), for before/after comparisons.
ALTER TABLE model_answer ADD COLUMN lesson_version INTEGER;
