package io.signaldesk.analyzer.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the model was asked for an answer, as sent: the system message and the user message (the question; without the
 * reprompt's note) and the version of the trader's lessons in that system message (0: none). The decision service keeps it with the answer's scored outcome: the training set of GET /api/ai/dataset.
 */
@RegisterForReflection
public record PromptSent(String system, String user, int lessonVersion) {

    /** Asked without lessons in the system message (version 0). */
    public PromptSent(String system, String user) {
        this(system, user, 0);
    }
}
