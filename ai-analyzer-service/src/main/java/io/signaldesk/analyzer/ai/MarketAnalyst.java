package io.signaldesk.analyzer.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.signaldesk.analyzer.client.AnalystChatModel;

/**
 * The four analyses as one declared AI service on the Ollama chat model ({@link AnalystChatModel}). They share
 * one system message ({@link AnalystSystemMessage}), which changes only with the trader's accepted lessons, so Ollama
 * keeps it cached; a question is
 * the task line and the market data of the coins asked about ({@link Prompts}), and the answer streams as the
 * call's JSON schema orders it: the decision first, the reason last. No chat memory: every question stands alone.
 * Application scoped, so the service's context is built once, not per call. Neither message is a template: the
 * prompts are built in {@link Prompts}, and quarkus-langchain4j 1.7.4 parses a {@code @SystemMessage} or
 * {@code @UserMessage} template with Qute on every call.
 */
@RegisterAiService(streamingChatLanguageModelSupplier = AnalystChatModel.Supplier.class,
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class,
        systemMessageProviderSupplier = AnalystSystemMessage.class)
@ApplicationScoped
public interface MarketAnalyst {

    TokenStream analyse(@UserMessage String question);
}
