package io.signaldesk.decision.backtest;

import io.signaldesk.common.error.BadInputException;

/** A backtest request that cannot run; {@code field} names the part of the body at fault. */
public class BacktestInputException extends BadInputException {

    public BacktestInputException(String field, String message) {
        super(field, message);
    }
}
