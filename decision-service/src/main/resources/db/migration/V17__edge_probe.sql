-- When each gated model setup (coin, source, direction) was last probed (strategy.edge.probe-every), in the engine's
-- time (market time in a replay). Written when a probe is sent and read at start, so a restart does not probe every
-- gated setup at once. Forgotten with the track record. Portable: SQLite and PostgreSQL.
CREATE TABLE edge_probe (
    coin      TEXT NOT NULL,
    source    TEXT NOT NULL,
    direction TEXT NOT NULL,
    probed_at TEXT NOT NULL,
    PRIMARY KEY (coin, source, direction)
);
