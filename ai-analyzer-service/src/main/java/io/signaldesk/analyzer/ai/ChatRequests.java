package io.signaldesk.analyzer.ai;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * Builds Ollama /api/chat bodies. Every call streams, says {@code "think": false} (a thinking model would
 * otherwise spend hundreds of tokens first), sends keep_alive, and sends the same load-time options
 * (num_ctx) every time: Ollama reloads the model when they change.
 */
public final class ChatRequests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ChatRequests() {
    }

    public static ObjectNode analysis(AnalyzerConfig.Ollama config, String model, AnalysisType type,
            List<String> coins, String userMessage) {
        ObjectNode body = base(config, model, true);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", Prompts.SYSTEM);
        messages.addObject().put("role", "user").put("content", userMessage);
        body.set("format", AnswerSchema.of(type, coins));
        body.with("options").put("num_predict", AnswerSchema.NUM_PREDICT);
        return body;
    }

    /**
     * A priming call: the system message and a one-token answer, so the fixed prefix of every later prompt is
     * already in Ollama's cache when the first user-visible question comes.
     */
    public static ObjectNode priming(AnalyzerConfig.Ollama config, String model) {
        ObjectNode body = base(config, model, false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", Prompts.SYSTEM);
        messages.addObject().put("role", "user").put("content", "READY?");
        body.with("options").put("num_predict", 1);
        return body;
    }

    private static ObjectNode base(AnalyzerConfig.Ollama config, String model, boolean stream) {
        ObjectNode body = JSON.objectNode();
        body.put("model", model);
        body.put("stream", stream);
        body.put("think", false);
        body.put("keep_alive", config.keepAlive().toSeconds() + "s");
        ObjectNode options = body.putObject("options");
        options.put("temperature", config.temperature());
        options.put("seed", config.seed());
        options.put("num_ctx", config.numCtx());
        return body;
    }
}
