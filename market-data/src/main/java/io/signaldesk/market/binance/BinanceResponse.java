package io.signaldesk.market.binance;

/** Answer to a SUBSCRIBE / UNSUBSCRIBE request: {@code {"result":null,"id":1}}. */
public record BinanceResponse(long id) implements BinanceMessage {

    @Override
    public String type() {
        return "response";
    }
}
