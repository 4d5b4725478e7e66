package io.signaldesk.market.binance;

import java.io.IOException;

/** A capture (or one of its lines) is larger than its {@link CaptureLimits}; reading stops there. */
public final class CaptureTooLargeException extends IOException {

    public CaptureTooLargeException(String message) {
        super(message);
    }
}
