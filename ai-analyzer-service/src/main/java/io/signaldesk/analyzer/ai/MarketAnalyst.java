package io.signaldesk.analyzer.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.signaldesk.analyzer.client.AnalystChatModel;

/**
 * The four analyses as one declared AI service on the Ollama chat model ({@link AnalystChatModel}). They share
 * one system message, which never changes so Ollama keeps it cached; a question is the task line and the market
 * data of the coins asked about ({@link Prompts}), and the answer streams as the call's JSON schema orders it:
 * the decision first, the reason last. No chat memory: every question stands alone. Application scoped, so the
 * service's context is built once, not per call.
 */
@RegisterAiService(streamingChatLanguageModelSupplier = AnalystChatModel.Supplier.class,
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface MarketAnalyst {

    @SystemMessage(Prompts.SYSTEM)
    @UserMessage("{question}")
    TokenStream analyse(@V("question") String question);
}
