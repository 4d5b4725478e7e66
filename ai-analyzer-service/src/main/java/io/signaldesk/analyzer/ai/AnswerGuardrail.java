package io.signaldesk.analyzer.ai;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;

/**
 * The output guardrail of an analysis (LangChain4j's {@link OutputGuardrail}): the whole answer read into the
 * analysis's result record ({@link AnswerReader}: JSON or the product's line format, the records' ranges) and
 * checked in the question's context (e.g. a coin that was not asked about); success carries the result, anything
 * else a reprompt that names the problem, appended to the question so the first call's prompt stays cached. It
 * judges the answer once it has streamed to its end, so it never holds the decision back (README, "On LangChain4j's
 * Ollama binding"); the one reprompt and the rules fallback after a second failure are the gateway's.
 */
public final class AnswerGuardrail<R> implements OutputGuardrail {

    private final AnswerReader reader;
    private final Class<R> type;
    private final Map<String, String> defaults;
    private final Function<R, Optional<String>> inContext;

    /**
     * @param defaults values for fields a line-format answer may leave out
     * @param inContext what the result must not contradict in this question, as a reprompt would say it
     */
    public AnswerGuardrail(AnswerReader reader, Class<R> type, Map<String, String> defaults,
            Function<R, Optional<String>> inContext) {
        this.reader = reader;
        this.type = type;
        this.defaults = defaults;
        this.inContext = inContext;
    }

    @Override
    public OutputGuardrailResult validate(AiMessage answer) {
        R result;
        try {
            result = reader.read(answer.text(), type, defaults);
        } catch (InvalidAnswerException e) {
            return reprompt(e.getMessage(), e, Prompts.retryNote(e.getMessage()));
        }
        return inContext.apply(result)
                .map(problem -> reprompt(problem, Prompts.retryNote(problem)))
                .orElseGet(() -> successWith(answer.text(), result));
    }

    /** The result of a successful validation, typed. */
    public R result(OutputGuardrailResult validated) {
        return type.cast(validated.successfulResult());
    }

    /** What was wrong with a failed one, in the words of its reprompt. */
    public static String problem(OutputGuardrailResult validated) {
        return validated.failures().isEmpty() ? "unusable" : ((OutputGuardrailResult.Failure) validated.failures().get(0)).message();
    }
}
