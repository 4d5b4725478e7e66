package io.signaldesk.market.binance;

/** The decompressed bytes one read of captures may still take, shared by its files and sessions. One thread. */
public final class CaptureBudget {

    private final CaptureLimits limits;
    private long taken;

    public CaptureBudget(CaptureLimits limits) {
        this.limits = limits;
    }

    public CaptureLimits limits() {
        return limits;
    }

    /** Decompressed bytes read so far. */
    public long taken() {
        return taken;
    }

    void take(long bytes) throws CaptureTooLargeException {
        taken += bytes;
        if (taken > limits.maxBytes()) {
            throw new CaptureTooLargeException("the captures are larger than " + limits.maxBytes() + " bytes uncompressed");
        }
    }
}
