package io.signaldesk.analyzer.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the model made of a lesson draft: DRAFTED with its checked lessons (maybe none), INVALID (its answer failed the
 * check, {@code problem} says how; asked once, no reprompt on idle time), SKIPPED (no idle model time within
 * analyzer.lessons.max-wait, or the model failed) or OFF (the analyzer answers from its rules).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonDraft(String status, String model, List<Drafted> lessons, String problem, Integer promptTokens,
        Integer completionTokens, Long totalMs) {

    /** One lesson as the model wrote it and the digest setups it names. */
    @RegisterForReflection
    public record Drafted(List<String> setups, String lesson) {
    }

    public static LessonDraft not(String status, String model, String problem) {
        return new LessonDraft(status, model, null, problem, null, null, null);
    }
}
