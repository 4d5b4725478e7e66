package io.signaldesk.analyzer.ai;

import java.util.Optional;

import io.quarkiverse.langchain4j.runtime.aiservice.SystemMessageProvider;

/** {@link MarketAnalyst}'s system message, {@link Prompts#SYSTEM} as it is: the same text every call, never parsed. */
public final class AnalystSystemMessage implements SystemMessageProvider {

    private static final Optional<String> SYSTEM = Optional.of(Prompts.SYSTEM);

    @Override
    public Optional<String> getSystemMessage(Object memoryId) {
        return SYSTEM;
    }
}
