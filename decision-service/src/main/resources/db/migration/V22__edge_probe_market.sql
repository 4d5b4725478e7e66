-- When each gated model setup was last probed, per market (FeedIdentity.market): a probe sent on the simulator's
-- made-up prices no longer holds back the probe of the same setup on a venue, and a replay's market time (months back)
-- is never compared with a live probe's. The table is made again with the market in its key (SQLite cannot change a
-- primary key); rows from before are kept as "market not recorded", the pace of no market. Portable.
CREATE TABLE edge_probe_market (
    market    TEXT NOT NULL,
    coin      TEXT NOT NULL,
    source    TEXT NOT NULL,
    direction TEXT NOT NULL,
    probed_at TEXT NOT NULL,
    PRIMARY KEY (market, coin, source, direction)
);
INSERT INTO edge_probe_market (market, coin, source, direction, probed_at)
    SELECT 'market not recorded', coin, source, direction, probed_at FROM edge_probe;
DROP TABLE edge_probe;
ALTER TABLE edge_probe_market RENAME TO edge_probe;
