package io.signaldesk.market.binance;

/** An error answer: {@code {"error":{"code":2,"msg":"Invalid request"},"id":1}} or {@code {"code":..,"msg":..}}. */
public record BinanceError(long code, String message) implements BinanceMessage {

    @Override
    public String type() {
        return "error";
    }
}
