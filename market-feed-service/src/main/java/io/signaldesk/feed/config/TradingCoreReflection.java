package io.signaldesk.feed.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.market.Aggressor;
import io.signaldesk.core.market.BookImbalance;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.market.TradeFlow;

/** The trading core's types this service writes with Jackson outside REST signatures (/ws/market frames, recordings). */
@RegisterForReflection(targets = { CoinSnapshot.class, BookImbalance.class, TradeFlow.class, Aggressor.class })
public final class TradingCoreReflection {

    private TradingCoreReflection() {
    }
}
