package io.signaldesk.analyzer.ai;

import java.util.Optional;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkiverse.langchain4j.runtime.aiservice.SystemMessageProvider;

/**
 * {@link MarketAnalyst}'s system message: {@link SystemPrompt}'s text (the fixed instructions, then the lessons the
 * trader accepted), never parsed. The extension creates this class itself, once, so the bean is looked up on the first
 * call and kept; the text object is the same between changes of the accepted lessons.
 */
public final class AnalystSystemMessage implements SystemMessageProvider {

    private static final Optional<String> FIXED = Optional.of(Prompts.SYSTEM);

    private volatile SystemPrompt prompt;

    @Override
    public Optional<String> getSystemMessage(Object memoryId) {
        SystemPrompt current = prompt;
        if (current == null) {
            ArcContainer container = Arc.container();
            if (container == null) {
                return FIXED; // outside a running application (a plain unit test): no lessons to add
            }
            current = container.instance(SystemPrompt.class).get();
            prompt = current;
        }
        return current.message();
    }
}
