package io.signaldesk.decision.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;


import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.engine.port.FeedIdentity;

/**
 * "Now" for the engine's time rules (entry cooldown, exit-check interval, rules sampling, the risk governor's loss
 * cooldown, entries per hour and UTC day, and the time a fill is stamped with). On a live feed it is the clock. On
 * market time (a replay, or a backtest) it is the venue time of the snapshot being decided on: a replay then decides
 * the same whatever its speed, and the backtest of the same data gives the same decisions.
 */
public class EngineTime {

    /** Feed sources whose frames are history replayed: their time is the market's, and no frame is skipped. */
    static final Set<String> MARKET_TIME_SOURCES = Set.of("replay", "backtest");

    private final Clock clock;
    private final FeedStateService market;

    EngineTime(Clock clock, FeedStateService market) {
        this.clock = clock;
        this.market = market;
    }

    /** Whether frames of {@code feed} run on market time. */
    public static boolean onMarketTime(FeedIdentity feed) {
        return feed != null && feed.source() != null && MARKET_TIME_SOURCES.contains(feed.source());
    }

    /** The engine's "now" for a decision on {@code coin}. */
    public Instant now(CoinSnapshot coin) {
        if (coin.updatedAt() != null && market.feedOf(coin.coin()).map(EngineTime::onMarketTime).orElse(false)) {
            return coin.updatedAt();
        }
        return clock.instant();
    }

    /** The engine's "now" for {@code coin}: its latest snapshot's venue time on market time, else the clock. */
    public Instant now(String coin) {
        return market.latest(coin).map(this::now).orElseGet(clock::instant);
    }

    /**
     * The feed market (one replay run, one backtest) {@code coin} trades on when that runs on market time: the risk
     * governor's windows then count that market's fills only, whose times are of its own clock.
     */
    public Optional<String> marketTimeMarket(String coin) {
        return market.feedOf(coin).filter(EngineTime::onMarketTime).map(FeedIdentity::market);
    }

    /** Whether the engine's decisions on {@code coin} run on market time (the scheduler's time-based tick skips them). */
    public boolean onMarketTime(String coin) {
        return market.feedOf(coin).map(EngineTime::onMarketTime).orElse(false);
    }
}
