package io.signaldesk.decision.backtest;

/** A candle file that cannot be used as it is; the message names the file and, when known, the line. */
public class CandleFileException extends RuntimeException {

    private final String coin;

    public CandleFileException(String coin, String file, int line, String problem) {
        super(line > 0 ? "%s line %d: %s".formatted(file, line, problem) : "%s: %s".formatted(file, problem));
        this.coin = coin;
    }

    /** The coin whose file is at fault (the request field that names it). */
    public String coin() {
        return coin;
    }
}
