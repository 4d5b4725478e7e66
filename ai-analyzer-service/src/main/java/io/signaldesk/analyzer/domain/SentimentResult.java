package io.signaldesk.analyzer.domain;

import java.util.Locale;

import dev.langchain4j.model.output.structured.Description;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.trade.Direction;

/** Market sentiment for the coin with the clearest setup. */
@RegisterForReflection
public record SentimentResult(
        @Description("BULLISH, BEARISH or NEUTRAL") Sentiment sentiment,
        @Description("1 (guess) to 10 (certain)") int confidence,
        @Description("LONG, SHORT or WAIT; never LONG when BEARISH nor SHORT when BULLISH") Direction signal,
        @Description("ticker of one of the coins given, e.g. BTC") String coin,
        @Description("one short sentence, at most 200 characters") String reason) {

    public SentimentResult {
        Checks.present(sentiment, "sentiment");
        Checks.confidence(confidence);
        Checks.present(signal, "signal");
        if (coin == null || coin.isBlank()) {
            throw new IllegalArgumentException("coin is missing");
        }
        coin = coin.strip().toUpperCase(Locale.ROOT);
        reason = Checks.reason(reason);
        if (sentiment == Sentiment.BEARISH && signal == Direction.LONG
                || sentiment == Sentiment.BULLISH && signal == Direction.SHORT) {
            throw new IllegalArgumentException(sentiment + " contradicts signal " + signal);
        }
    }
}
