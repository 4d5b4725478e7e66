package io.signaldesk.analyzer.ai;

import io.signaldesk.analyzer.domain.ModelRecord;

/**
 * Prompt text of the four analyses, laid out for Ollama's prefix cache (only the tokens after the first one that differs
 * from the previous call are evaluated):
 * <ol>
 * <li><b>System message, stable:</b> every instruction of all four analyses and the legend of the market line, never
 * changing, so it stays cached across calls of any type; then the lessons the trader accepted ({@link #system}), which
 * change only when the trader changes them.</li>
 * <li><b>Task line, changes per question:</b> the analysis and what is proposed, most stable words first
 * ({@code ENTRY LONG}, {@code EXIT SHORT 0.01 from 94000 (+1.06%), open 12 min}); the coin is the market line's.</li>
 * <li><b>Context lines, change less often than prices:</b> the model's record on this setup ({@link #record}, refreshed
 * by the decision service every 10 min of market time), between the task line and the market lines.</li>
 * <li><b>Market lines, change every tick:</b> one per coin asked about ({@link MarketPrompt}), numbers last.</li>
 * </ol>
 * The one reprompt appends its note after all of it, so the first call's prompt stays a cached prefix.
 */
public final class Prompts {

    public static final String SYSTEM = """
            You are a crypto trading analyst. Each message is one task line, then one line of market data per coin: \
            coin and price, momentum (price change over the last 60 s), bids (the order book's bid share), then the \
            last 60 s of trades: buys/sells and the buy share of their volume. Answer with the JSON object the task asks \
            for and nothing else, using only the data and coins given.
            SENTIMENT: pick the coin with the clearest setup; signal LONG, SHORT or WAIT; sentiment BULLISH, \
            BEARISH or NEUTRAL; never BEARISH with LONG nor BULLISH with SHORT.
            ENTRY LONG or SHORT: enter that trade now at the coin's price, or at the price given (true), or skip it (false).
            EXIT: HOLD or CLOSE the open position (side, size, entry price, profit or loss, age) now.
            RISK: positionSizePct of equity (0 to 100) and stopLossPct from entry (0.1 to 50) for the trade.
            A RECORD line, when given, is your own record on this setup, scored later: right answers/calls, the \
            mean net result after costs of those acted on (entered, or held), the last outcomes (R right, W wrong), \
            "no edge" when the setup has no measured edge; weigh it.
            Confidence is 1 (guess) to 10 (certain). The reason is one sentence of at most\s"""
            + AnswerSchema.REASON_MAX_CHARS + " characters.";

    /** Heads the lessons the trader accepted, at the end of the system message (absent without any). */
    public static final String LESSONS_HEADING = "LESSONS the trader approved from your scored record; weigh them:";

    /** Appended to the user message of the one reprompt, after everything the first call had cached. */
    private static final String RETRY_NOTE = "\nYOUR PREVIOUS ANSWER WAS REJECTED: %s. Answer again with one valid JSON object.";

    private Prompts() {
    }

    /**
     * The model's record on the setup: the context line of an entry or exit question, after the task line and before
     * the market line (empty without one), in as few tokens as it can be said (about 20; the system prompt says what it
     * means). It changes only when the decision service refreshes it, so questions on a setup share it in Ollama's cache.
     */
    public static String record(ModelRecord record) {
        if (record == null) {
            return "";
        }
        String edge = record.measuredEdge() ? "edge" : "no edge";
        if (record.calls() == 0) {
            return "RECORD none yet, " + edge + "\n";
        }
        String net = record.acted() == 0 || record.netPct() == null ? "none acted"
                : "net " + MarketPrompt.signedPct(record.netPct());
        return "RECORD " + record.right() + "/" + record.calls() + " right, " + net
                + (record.last().isEmpty() ? "" : ", last " + record.last()) + ", " + edge + "\n";
    }

    /**
     * The system message with the trader's accepted lessons after the fixed instructions (so the instructions stay a
     * cached prefix even when the lessons change), one line each; {@link #SYSTEM} itself without lessons.
     */
    public static String system(java.util.List<String> lessons) {
        if (lessons.isEmpty()) {
            return SYSTEM;
        }
        StringBuilder out = new StringBuilder(SYSTEM).append('\n').append(LESSONS_HEADING);
        lessons.forEach(line -> out.append("\n- ").append(line));
        return out.toString();
    }

    public static String sentiment(String market) {
        return "SENTIMENT\n" + market;
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
