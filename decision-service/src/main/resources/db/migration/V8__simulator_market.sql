-- The simulator is one market across its runs (FeedIdentity.market "simulator", no longer simulator#<run>): the open
-- positions of an earlier run belong to it again, so a restarted desk marks, stops and exits them. Fills keep the
-- market they were written on. A replay (replay#<run>) and another venue stay markets of their own.
UPDATE position SET feed_market = 'simulator' WHERE feed_market LIKE 'simulator#%';
