package io.signaldesk.analyzer.ai;

import dev.langchain4j.observability.api.AiServiceListenerRegistrar;
import dev.langchain4j.observability.api.DefaultAiServiceListenerRegistrar;
import dev.langchain4j.observability.api.event.AiServiceEvent;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.spi.observability.AiServiceListenerRegistrarFactory;
import io.quarkiverse.langchain4j.observability.AiServiceSelectorLiteral;
import io.quarkiverse.langchain4j.observability.listener.AiServiceListenerAdapter;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * LangChain4j's AI-service listener registrar, without the CDI bridges nobody listens to. quarkus-langchain4j 1.7.4
 * registers, for every AI service, an {@link AiServiceListenerAdapter} per event type that fires a CDI event (a new
 * {@code Event} selected and its observers resolved each time; started, response received and completed on every
 * call) whether or not any bean observes it. Here such a bridge is registered only when an observer of that event
 * and AI service exists (CDI observers are fixed at build time, so the check at registration is exact); every other
 * listener as before.
 * Found through LangChain4j's {@link AiServiceListenerRegistrarFactory} service (META-INF/services).
 */
public class ObservedEventsRegistrar extends DefaultAiServiceListenerRegistrar {

    @Override
    public <T extends AiServiceEvent> void register(AiServiceListener<T> listener) {
        if (listener instanceof AiServiceListenerAdapter<T> bridge && !observed(bridge)) {
            return;
        }
        super.register(listener);
    }

    /** Whether a bean observes the bridge's event for its AI service (with or without the AI-service qualifier). */
    public static boolean observed(AiServiceListenerAdapter<?> bridge) {
        ArcContainer container = Arc.container();
        return container == null || !container.resolveObserverMethods(bridge.eventClass(),
                AiServiceSelectorLiteral.builder().aiServiceClass(bridge.aiServiceClass()).build()).isEmpty();
    }

    /** The service LangChain4j loads for {@link AiServiceListenerRegistrar#newInstance()}. */
    public static final class Factory implements AiServiceListenerRegistrarFactory {
        @Override
        public AiServiceListenerRegistrar get() {
            return new ObservedEventsRegistrar();
        }
    }
}
