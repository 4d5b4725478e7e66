package io.signaldesk.market.binance;

/** {@code {"e":"serverShutdown","E":...}}: the server is about to close this connection. */
public record BinanceServerShutdown(long eventTime) implements BinanceMessage {

    @Override
    public String type() {
        return "serverShutdown";
    }
}
