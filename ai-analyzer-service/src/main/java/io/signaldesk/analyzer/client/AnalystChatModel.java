package io.signaldesk.analyzer.client;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.quarkus.arc.Arc;

/**
 * LangChain4j's streaming Ollama chat model with the one thing the AI service cannot give it: the call's own
 * Ollama parameters. quarkus-langchain4j 1.7.4's AI service sends a streaming request with its messages only
 * (README, "On LangChain4j's Ollama binding"), so {@link #call} hands the model the {@link ModelStream} of the
 * call being started on this thread: its parameters (model, schema, think, keep_alive, num_ctx, num_predict)
 * override the request's, and the stream receives the call's cancel handle. {@code TokenStream.start()} calls
 * the model on the starting thread, which is what makes the hand-over safe.
 */
public class AnalystChatModel extends OllamaStreamingChatModel {

    private static final ThreadLocal<ModelStream> STARTING = new ThreadLocal<>();

    AnalystChatModel(OllamaStreamingChatModelBuilder builder) {
        super(builder);
    }

    /** Runs {@code start} (an AI service call's start) with {@code stream}'s parameters and handle. */
    static void call(ModelStream stream, Runnable start) {
        STARTING.set(stream);
        try {
            start.run();
        } finally {
            STARTING.remove();
        }
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        ModelStream stream = STARTING.get();
        if (stream == null) {
            super.chat(request, handler);
            return;
        }
        ChatRequest withParameters = ChatRequest.builder().messages(request.messages())
                .parameters(stream.parameters().overrideWith(request.parameters())).build();
        super.chat(withParameters, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                stream.handle(context.streamingHandle());
                handler.onPartialResponse(partial, context);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                handler.onCompleteResponse(response);
            }

            @Override
            public void onError(Throwable error) {
                handler.onError(error);
            }
        });
    }

    /** How {@code @RegisterAiService} finds this bean. */
    public static final class Supplier implements java.util.function.Supplier<StreamingChatModel> {
        @Override
        public StreamingChatModel get() {
            return Arc.container().instance(AnalystChatModel.class).get();
        }
    }
}
