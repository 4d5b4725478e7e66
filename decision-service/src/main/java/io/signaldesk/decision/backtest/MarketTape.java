package io.signaldesk.decision.backtest;

import java.util.Iterator;
import java.util.List;

import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * Market data a backtest replays: the snapshot frames the live engine would have received, in market-time order,
 * each carrying the backtest's feed identity (source {@code backtest}: market time, every frame evaluated).
 */
public interface MarketTape {

    /** The feed identity of every backtest frame. */
    FeedIdentity IDENTITY = new FeedIdentity("backtest", "run", "backtest#run");

    /** What the frames are made of ({@code candles}). */
    String kind();

    List<String> coins();

    /** What this data can and cannot show the engine. */
    List<String> notes();

    Iterator<FeedMessage> frames();

    /** How many frames {@link #frames()} gives, -1 when it is not known before they are read. */
    default long size() {
        return -1;
    }
}
