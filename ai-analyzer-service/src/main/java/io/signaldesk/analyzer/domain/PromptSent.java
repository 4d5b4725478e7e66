package io.signaldesk.analyzer.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the model was asked for an answer, as sent: the system message and the user message (the question; without the
 * reprompt's note). The decision service keeps it with the answer's scored outcome: the training set of GET /api/ai/dataset.
 */
@RegisterForReflection
public record PromptSent(String system, String user) {
}
