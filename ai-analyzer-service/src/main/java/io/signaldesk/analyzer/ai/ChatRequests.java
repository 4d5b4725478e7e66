package io.signaldesk.analyzer.ai;

import java.util.List;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * The model calls: the user message for {@link MarketAnalyst} and Ollama's own request parameters:
 * the model in use (switched at run time), the analysis's JSON schema, {@code think: false} (a thinking model
 * would otherwise spend hundreds of tokens first), keep_alive, and the same load-time options (num_ctx) every
 * time, since Ollama reloads the model when they change.
 */
public final class ChatRequests {

    private ChatRequests() {
    }

    public static ModelQuestion analysis(AnalyzerConfig.Ollama config, String model, AnalysisType type,
            List<String> coins, String userMessage) {
        ResponseFormat schema = ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(AnswerSchema.of(type, coins)).build();
        return new ModelQuestion(userMessage,
                base(config, model).responseFormat(schema).maxOutputTokens(AnswerSchema.NUM_PREDICT).build());
    }

    /** A lesson draft: {@link LessonPrompt}'s question and schema, at most {@code numPredict} output tokens. */
    public static ModelQuestion lessons(AnalyzerConfig.Ollama config, String model, String userMessage,
            dev.langchain4j.model.chat.request.json.JsonSchema schema, int numPredict) {
        ResponseFormat format = ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build();
        return new ModelQuestion(userMessage, base(config, model).responseFormat(format).maxOutputTokens(numPredict).build());
    }

    /**
     * A priming call: the system message and a one-token answer, so the fixed prefix of every later prompt is
     * already in Ollama's cache when the first user-visible question comes.
     */
    public static ModelQuestion priming(AnalyzerConfig.Ollama config, String model) {
        return new ModelQuestion("READY?", base(config, model).maxOutputTokens(1).build());
    }

    private static OllamaChatRequestParameters.Builder base(AnalyzerConfig.Ollama config, String model) {
        return OllamaChatRequestParameters.builder()
                .modelName(model)
                .think(false)
                .keepAlive((int) config.keepAlive().toSeconds())
                .numCtx(config.numCtx())
                .temperature(config.temperature())
                .seed(config.seed());
    }
}
