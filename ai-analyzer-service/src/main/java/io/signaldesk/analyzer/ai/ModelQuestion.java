package io.signaldesk.analyzer.ai;

import dev.langchain4j.model.ollama.OllamaChatRequestParameters;

/** One question for {@link MarketAnalyst}: its user message and the Ollama parameters of its call. */
public record ModelQuestion(String userMessage, OllamaChatRequestParameters parameters) {

    public String model() {
        return parameters.modelName();
    }
}
