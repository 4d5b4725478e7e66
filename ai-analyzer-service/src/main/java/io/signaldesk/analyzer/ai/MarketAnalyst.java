package io.signaldesk.analyzer.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.signaldesk.analyzer.domain.EntryResult;
import io.signaldesk.analyzer.domain.ExitResult;
import io.signaldesk.analyzer.domain.RiskResult;
import io.signaldesk.analyzer.domain.SentimentResult;

/**
 * The four analyses asked of the local model. The record return types make the extension send their JSON
 * schema as Ollama's {@code format}; the answers are still checked before anyone sees them. Application scoped:
 * the default request scope built a new AI service context, and LangChain4j's guardrail configuration with its
 * ServiceLoader scans, on every call (a fifth of the analyzer's CPU per call in bench/).
 */
@ApplicationScoped
@RegisterAiService(chatLanguageModelSupplier = SwitchableChatModel.Supplier.class,
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@SystemMessage(Prompts.SYSTEM)
public interface MarketAnalyst {

    @UserMessage(Prompts.SENTIMENT)
    SentimentResult sentiment(String market, String coins, String retryNote);

    @UserMessage(Prompts.ENTRY)
    EntryResult entry(String market, String trade, String retryNote);

    @UserMessage(Prompts.EXIT)
    ExitResult exit(String market, String position, String retryNote);

    @UserMessage(Prompts.RISK)
    RiskResult risk(String market, String trade, String equity, String retryNote);
}
