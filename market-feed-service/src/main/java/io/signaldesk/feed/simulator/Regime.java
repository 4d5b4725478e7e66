package io.signaldesk.feed.simulator;

/** Market phases the simulator switches between; each has its own drift, volatility and length. */
public enum Regime {
    TREND_UP(90),
    TREND_DOWN(90),
    RANGE(120),
    /** A few seconds of violent one-way movement and heavy trading. */
    SPIKE(4);

    /** Mean time spent in the regime, in seconds. */
    final double meanSeconds;

    Regime(double meanSeconds) {
        this.meanSeconds = meanSeconds;
    }
}
