package io.signaldesk.decision.backtest;

/** A backtest request that cannot run; {@code field} names the part of the body at fault. */
public class BacktestInputException extends RuntimeException {

    private final String field;

    public BacktestInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
