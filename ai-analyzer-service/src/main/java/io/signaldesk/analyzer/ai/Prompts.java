package io.signaldesk.analyzer.ai;

/**
 * Prompt text of the four analyses. The system message holds every instruction for all four and never changes,
 * so Ollama keeps it in its KV cache across calls of any type; the user message carries only what changes:
 * the task line, then the market data of the coins asked about (numbers last).
 */
public final class Prompts {

    public static final String SYSTEM = """
            You are a crypto trading analyst. Each message is one task line, then market data per coin: price, \
            60 s momentum, order book bid share, 60 s trade counts and volumes. Answer with the JSON object the \
            task asks for and nothing else, using only the data and coins given.
            SENTIMENT: pick the coin with the clearest setup; signal LONG, SHORT or WAIT; sentiment BULLISH, \
            BEARISH or NEUTRAL; never BEARISH with LONG nor BULLISH with SHORT.
            ENTRY: enter the proposed trade now (true) or skip it (false).
            EXIT: HOLD or CLOSE the open position now.
            RISK: positionSizePct of equity (0 to 100) and stopLossPct from entry (0.1 to 50) for the trade.
            Confidence is 1 (guess) to 10 (certain). The reason is one sentence of at most %d characters."""
            .formatted(AnswerSchema.REASON_MAX_CHARS);

    /** Appended to the user message of the one reprompt, after everything the first call had cached. */
    private static final String RETRY_NOTE = "\nYOUR PREVIOUS ANSWER WAS REJECTED: %s. Answer again with one valid JSON object.";

    private Prompts() {
    }

    public static String sentiment(String coins, String market) {
        return "SENTIMENT for " + coins + "\n" + market;
    }

    public static String entry(String trade, String market) {
        return "ENTRY " + trade + "\n" + market;
    }

    public static String exit(String position, String market) {
        return "EXIT " + position + "\n" + market;
    }

    public static String risk(String trade, String equity, String market) {
        return "RISK " + trade + ", equity " + equity + " USDT\n" + market;
    }

    public static String retryNote(String problem) {
        return RETRY_NOTE.formatted(problem);
    }
}
