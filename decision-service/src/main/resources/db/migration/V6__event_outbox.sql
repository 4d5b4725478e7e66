-- Decisions and fills as events (SIGNAL_TRANSPORT=kafka): each is written here in the transaction that records it,
-- then published to Kafka (signal.decisions, signal.fills) by client/LedgerEventPublisher and marked sent. A row
-- committed is published even after kill -9 (it is sent at the next start); one sent but not yet marked when the
-- process died is found on the topic by its event id and not sent again. Several decision services on one
-- PostgreSQL ledger each claim a row (claimed_by, claimed_at) before sending it, so only one of them sends it; a claim
-- older than 30 s (its service died) can be taken over. Portable: SQLite and PostgreSQL.
CREATE TABLE event_outbox (
    event_id   TEXT PRIMARY KEY,
    topic      TEXT NOT NULL,
    event_key  TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    claimed_by TEXT,
    claimed_at TEXT
);
CREATE INDEX event_outbox_unsent ON event_outbox (sent_at, created_at);
