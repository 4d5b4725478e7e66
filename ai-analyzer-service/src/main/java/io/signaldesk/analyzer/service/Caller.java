package io.signaldesk.analyzer.service;

/**
 * Who asks and how the answer cache may serve them.
 *
 * @param desk the desk's own question (the decision engine, keyed, or this analyzer's schedule): served in a lane
 *        ahead of every outside caller
 * @param readCache whether a cached model answer may stand in (a backtest says no: its figures must be a model's)
 * @param storeAnswer whether the model's answer is kept for others
 * @param background the desk's background work, nobody waiting on it: asked only in an idle window ({@link ModelQueue#background})
 */
public record Caller(boolean desk, boolean readCache, boolean storeAnswer, boolean background) {

    /** The desk's own question with the cache on. */
    public static final Caller DESK = new Caller(true, true, true, false);
    /** Anyone else, cache on. */
    public static final Caller OUTSIDE = new Caller(false, true, true, false);
    /** The desk's own schedule (the periodic sentiment): background work, cache on. */
    public static final Caller SCHEDULE = new Caller(true, true, true, true);
}
