-- The market a position and a fill belong to, as the feed reported it (FeedIdentity.market: the venue for a live
-- venue, simulator#<run> or replay#<run> otherwise), its source and the coin's venue. Null on rows written before:
-- their market is unknown, so no feed marks or stops them (write them off: POST /api/portfolio/positions/{coin}/write-off).
ALTER TABLE position ADD COLUMN feed_market TEXT;
ALTER TABLE position ADD COLUMN feed_source TEXT;
ALTER TABLE position ADD COLUMN venue TEXT;
ALTER TABLE fill ADD COLUMN feed_market TEXT;
ALTER TABLE fill ADD COLUMN feed_source TEXT;
ALTER TABLE fill ADD COLUMN venue TEXT;
