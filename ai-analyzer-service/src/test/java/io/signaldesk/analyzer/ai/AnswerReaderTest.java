package io.signaldesk.analyzer.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.RiskResult;
import io.signaldesk.analyzer.domain.Sentiment;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.core.trade.Direction;

class AnswerReaderTest {

    private final AnswerReader reader = new AnswerReader();

    @Test
    void readsJsonInsideCodeFencesWithLowerCaseEnums() {
        SentimentResult result = reader.read("""
                ```json
                {"sentiment":"bullish","confidence":"8","signal":"long","coin":"eth","reason":"Bids lead."}
                ```""", SentimentResult.class, Map.of());

        assertEquals(Sentiment.BULLISH, result.sentiment());
        assertEquals(8, result.confidence());
        assertEquals(Direction.LONG, result.signal());
        assertEquals("ETH", result.coin());
    }

    @Test
    void readsTheLineFormatWithMarkdownAndTheDefaultCoin() {
        SentimentResult result = reader.read("""
                **SENTIMENT:** NEUTRAL
                **CONFIDENCE:** 5/10
                **SIGNAL:** WAIT
                **REASON:** Flat tape and a balanced book.""", SentimentResult.class, Map.of("coin", "SOL"));

        assertEquals(Sentiment.NEUTRAL, result.sentiment());
        assertEquals(5, result.confidence());
        assertEquals("SOL", result.coin());
        assertEquals("Flat tape and a balanced book.", result.reason());
    }

    @Test
    void readsYesAndPercentagesInLines() {
        EntryResult entry = reader.read("ENTER: YES\nCONFIDENCE: 7\nREASON: Momentum agrees.", EntryResult.class, Map.of());
        RiskResult risk = reader.read("POSITION SIZE: 2.5%\nSTOP LOSS: 1.2%\nCONFIDENCE: 6\nREASON: Calm.", RiskResult.class, Map.of());

        assertTrue(entry.enter());
        assertEquals(new BigDecimal("2.5"), risk.positionSizePct());
        assertEquals(new BigDecimal("1.2"), risk.stopLossPct());
    }

    @Test
    void namesWhatIsWrongForTheReprompt() {
        assertProblem("confidence must be 1-10, was 11",
                "{\"sentiment\":\"BULLISH\",\"confidence\":11,\"signal\":\"LONG\",\"coin\":\"BTC\",\"reason\":\"x\"}");
        assertProblem("reason longer than 200 characters",
                "{\"sentiment\":\"BULLISH\",\"confidence\":5,\"signal\":\"LONG\",\"coin\":\"BTC\",\"reason\":\"" + "a".repeat(201) + "\"}");
        assertProblem("reason is missing",
                "{\"sentiment\":\"BULLISH\",\"confidence\":5,\"signal\":\"LONG\",\"coin\":\"BTC\",\"reason\":\" \"}");
        assertProblem("BULLISH contradicts signal SHORT",
                "{\"sentiment\":\"BULLISH\",\"confidence\":5,\"signal\":\"SHORT\",\"coin\":\"BTC\",\"reason\":\"x\"}");
        assertProblem("signal",
                "{\"sentiment\":\"BULLISH\",\"confidence\":5,\"signal\":\"BUY\",\"coin\":\"BTC\",\"reason\":\"x\"}");
        assertProblem("confidence", "{\"sentiment\":\"BULLISH\",\"signal\":\"LONG\",\"coin\":\"BTC\",\"reason\":\"x\"}");
        assertProblem("broken JSON", "{\"sentiment\":\"BULLISH\",");
        assertProblem("empty", "");
    }

    private void assertProblem(String expected, String answer) {
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class,
                () -> reader.read(answer, SentimentResult.class, Map.of()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
