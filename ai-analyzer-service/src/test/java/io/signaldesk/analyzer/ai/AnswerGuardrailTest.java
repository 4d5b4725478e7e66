package io.signaldesk.analyzer.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import io.signaldesk.analyzer.Markets;
import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.analyzer.service.SentimentTask;

class AnswerGuardrailTest {

    private final AnswerReader reader = new AnswerReader();

    @Test
    void passesAUsableAnswerWithItsResult() {
        var guardrail = new AnswerGuardrail<>(reader, EntryResult.class, Map.of(), result -> Optional.empty());

        OutputGuardrailResult validated = guardrail.validate(
                AiMessage.from("{\"enter\":true,\"confidence\":8,\"reason\":\"Bids at 62 % and rising momentum back the long.\"}"));

        assertTrue(validated.isSuccess(), validated.toString());
        EntryResult result = guardrail.result(validated);
        assertTrue(result.enter());
        assertEquals(8, result.confidence());
    }

    @Test
    void repromptsNamingTheRangeTheAnswerBroke() {
        var guardrail = new AnswerGuardrail<>(reader, EntryResult.class, Map.of(), result -> Optional.empty());

        OutputGuardrailResult validated = guardrail.validate(
                AiMessage.from("{\"enter\":true,\"confidence\":12,\"reason\":\"Very sure.\"}"));

        assertFalse(validated.isSuccess());
        assertTrue(validated.isReprompt(), validated.toString());
        assertTrue(AnswerGuardrail.problem(validated).contains("confidence"), AnswerGuardrail.problem(validated));
        assertEquals(Prompts.retryNote(AnswerGuardrail.problem(validated)), validated.getReprompt().orElseThrow());
    }

    @Test
    void repromptsAnAnswerAboutACoinThatWasNotAsked() {
        SentimentTask task = new SentimentTask(java.util.List.of(Markets.coin("BTC"), Markets.coin("ETH")));
        var guardrail = new AnswerGuardrail<>(reader, SentimentResult.class, task.answerDefaults(), task::problemWith);

        OutputGuardrailResult validated = guardrail.validate(AiMessage.from(
                "{\"signal\":\"LONG\",\"sentiment\":\"BULLISH\",\"confidence\":9,\"coin\":\"DOGEZ\",\"reason\":\"Moon soon.\"}"));

        assertTrue(validated.isReprompt());
        assertEquals("coin DOGEZ is not one of BTC, ETH", AnswerGuardrail.problem(validated));
    }

    @Test
    void repromptsProseThatIsNeitherJsonNorTheLineFormat() {
        var guardrail = new AnswerGuardrail<>(reader, EntryResult.class, Map.of(), result -> Optional.empty());

        OutputGuardrailResult validated = guardrail.validate(AiMessage.from("Sure! Here is my analysis: the market is going {up, maybe"));

        assertTrue(validated.isReprompt());
        assertTrue(validated.getReprompt().orElseThrow().startsWith("\nYOUR PREVIOUS ANSWER WAS REJECTED: "),
                validated.getReprompt().orElseThrow());
    }
}
