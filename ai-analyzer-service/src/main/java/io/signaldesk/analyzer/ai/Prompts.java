package io.signaldesk.analyzer.ai;

/**
 * Prompt text of the four analyses. The system message is identical for all of them and comes first, and
 * the market data opens every user message, so Ollama reuses its prompt cache across calls. No braces
 * outside placeholders: these are Qute templates.
 */
public final class Prompts {

    public static final String SYSTEM = """
            You are a crypto trading analyst. You read compact market data and answer with one JSON object only, \
            no other text. Base every answer on the data given and use only the coins given. Confidence is 1 \
            (guess) to 10 (certain). Never pair BEARISH with LONG or BULLISH with SHORT. The reason is one short \
            sentence of at most 200 characters.""";

    public static final String SENTIMENT = """
            {market}
            TASK: market sentiment for {coins}. Pick the coin with the clearest setup and give sentiment \
            (BULLISH, BEARISH or NEUTRAL), confidence, signal (LONG, SHORT or WAIT), coin and reason.{retryNote}""";

    public static final String ENTRY = """
            {market}
            TASK: proposed trade {trade}. Should we enter now? Give enter (true or false), confidence and \
            reason.{retryNote}""";

    public static final String EXIT = """
            {market}
            TASK: open position {position}. Hold or close now? Give action (HOLD or CLOSE), confidence and \
            reason.{retryNote}""";

    public static final String RISK = """
            {market}
            TASK: before trade {trade} with equity {equity} USDT, give positionSizePct (percent of equity, 0 to \
            100), stopLossPct (percent from entry, above 0), confidence and reason.{retryNote}""";

    /** Appended to the user message of the one reprompt, after the cached prefix. */
    public static final String RETRY_NOTE = "\nYOUR PREVIOUS ANSWER WAS REJECTED: %s. Answer again with one valid JSON object.";

    private Prompts() {
    }

    public static String retryNote(String problem) {
        return RETRY_NOTE.formatted(problem);
    }
}
