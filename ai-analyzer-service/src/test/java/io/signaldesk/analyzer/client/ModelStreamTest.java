package io.signaldesk.analyzer.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.signaldesk.analyzer.OllamaReplies;
import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.AnswerStream;
import io.signaldesk.analyzer.ai.ChatRequests;
import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * A streamed structured answer through LangChain4j's Ollama binding as the analyzer configures it, against
 * Ollama's documented NDJSON: the request carries Ollama's parameters, the pieces arrive in order, the decision
 * before the reason, the final chunk's counts; errors are told apart; a cancelled call says nothing more.
 */
class ModelStreamTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SENTIMENT = "{\"signal\":\"LONG\",\"sentiment\":\"BULLISH\",\"confidence\":7,\"coin\":\"BTC\","
            + "\"reason\":\"Bids 62 % and \\\"buyers\\\" lead → up.\"}";
    private static WireMockServer ollama;

    @BeforeAll
    static void start() {
        ollama = new WireMockServer(options().dynamicPort());
        ollama.start();
    }

    @AfterAll
    static void stop() {
        ollama.stop();
    }

    /** The question as MarketAnalyst sends it (system message, user message, the call's parameters), on the model bean. */
    private static ModelStream chat(String baseUrl, ModelQuestion question, Seen seen) {
        AnalystChatModel model = new OllamaChatModelProducer().analystChatModel(baseUrl, "llama3.2:3b", 0.2, 42,
                Duration.ofSeconds(5), List.of());
        ModelStream stream = new ModelStream(seen, baseUrl, question.parameters());
        model.chat(ChatRequest.builder().messages(SystemMessage.from(Prompts.SYSTEM), UserMessage.from(question.userMessage()))
                .parameters(question.parameters()).build(), stream);
        return stream;
    }

    @Test
    void sendsOllamasParametersAndReadsTheDecisionBeforeTheReason() throws Exception {
        ollama.resetAll();
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody(OllamaReplies.chat(SENTIMENT, 52, 26))));
        Seen seen = new Seen();
        chat(ollama.baseUrl(), ChatRequests.analysis(new Config(), "mistral:7b", AnalysisType.SENTIMENT,
                List.of("BTC", "ETH"), "SENTIMENT for BTC, ETH\nBTC 95000.1"), seen);
        OllamaStats stats = seen.done.get(10, TimeUnit.SECONDS);

        assertEquals(52, stats.promptEvalCount());
        assertEquals(26, stats.evalCount());
        assertFalse(stats.cutAtLimit());
        assertTrue(stats.promptEvalNanos() > 0 && stats.evalNanos() >= 0, "timed as it streamed: " + stats);
        assertEquals(SENTIMENT, String.join("", seen.pieces));
        assertTrue(seen.events.indexOf("decision") < seen.events.indexOf("reason"), seen.events.toString());
        assertEquals("Bids 62 % and \"buyers\" lead → up.", seen.answer.reason());

        JsonNode sent = MAPPER.readTree(ollama.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertEquals("mistral:7b", sent.get("model").asText(), "the model in use, switched per request");
        assertTrue(sent.get("stream").asBoolean());
        assertFalse(sent.get("think").asBoolean());
        assertEquals(1800, sent.get("keep_alive").asInt());
        assertEquals(2048, sent.get("options").get("num_ctx").asInt());
        assertEquals(AnswerSchema.NUM_PREDICT, sent.get("options").get("num_predict").asInt());
        assertEquals(42, sent.get("options").get("seed").asInt());
        assertEquals(List.of("signal", "sentiment", "confidence", "coin", "reason"),
                fieldNames(sent.get("format").get("properties")), "decision fields first, the reason last");
        assertEquals(List.of("BTC", "ETH"), MAPPER.convertValue(sent.get("format").get("properties").get("coin").get("enum"),
                List.class), "only the coins asked about");
        assertEquals("system", sent.get("messages").get(0).get("role").asText());
    }

    @Test
    void saysWhenOllamaStoppedAtNumPredict() throws Exception {
        ollama.resetAll();
        String cut = OllamaReplies.chat("{\"enter\":true,\"confidence\":7,\"reason\":\"Bids", 40, 112)
                .replace("\"done_reason\":\"stop\"", "\"done_reason\":\"length\"");
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200).withBody(cut)));
        Seen seen = new Seen();
        chat(ollama.baseUrl(), ChatRequests.analysis(new Config(), "llama3.2:3b", AnalysisType.ENTRY,
                List.of("BTC"), "ENTRY LONG BTC at 95000.1"), seen);
        assertTrue(seen.done.get(10, TimeUnit.SECONDS).cutAtLimit());
    }

    @Test
    void failsAsAModelErrorOnHttp500AndAsUnreachableWhenNothingListens() throws Exception {
        ollama.resetAll();
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(500).withBody("{\"error\":\"boom\"}")));
        Seen refused = new Seen();
        chat(ollama.baseUrl(), ChatRequests.priming(new Config(), "llama3.2:3b"), refused);
        assertInstanceOf(OllamaCallException.class, refused.failed.get(10, TimeUnit.SECONDS));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort;
        Seen down = new Seen();
        chat(nowhere, ChatRequests.priming(new Config(), "llama3.2:3b"), down);
        assertInstanceOf(OllamaUnavailableException.class, down.failed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void failsWhenTheStreamEndsBeforeItsFinalChunk() throws Exception {
        ollama.resetAll();
        String all = OllamaReplies.chat(SENTIMENT, 52, 26);
        String withoutLast = all.substring(0, all.lastIndexOf("{\"model\""));
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200).withBody(withoutLast)));
        Seen seen = new Seen();
        chat(ollama.baseUrl(), ChatRequests.analysis(new Config(), "llama3.2:3b", AnalysisType.SENTIMENT,
                List.of("BTC"), "SENTIMENT for BTC\nBTC 95000.1"), seen);
        assertInstanceOf(OllamaCallException.class, seen.failed.get(10, TimeUnit.SECONDS));
        assertTrue(seen.events.contains("decision"), "the pieces before the cut were read");
        assertFalse(seen.done.isDone());
    }

    @Test
    void aCancelledCallReportsNothingMore() throws Exception {
        ollama.resetAll();
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withBody(OllamaReplies.chat(SENTIMENT, 52, 26)).withChunkedDribbleDelay(20, 2000)));
        Seen seen = new Seen();
        ModelStream stream = chat(ollama.baseUrl(), ChatRequests.analysis(new Config(), "llama3.2:3b",
                AnalysisType.SENTIMENT, List.of("BTC"), "SENTIMENT for BTC\nBTC 95000.1"), seen);
        seen.firstPiece.get(10, TimeUnit.SECONDS);
        stream.cancel();
        int piecesAtCancel = seen.pieces.size();
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/chat")));
        // nothing arrives after the cancel: no more pieces, neither done nor failed, though the stub keeps writing
        assertNull(seen.done.completeOnTimeout(null, 2500, TimeUnit.MILLISECONDS).get());
        assertFalse(seen.failed.isDone());
        assertEquals(piecesAtCancel, seen.pieces.size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final class Seen implements ChatStreamListener {
        final AnswerStream answer = new AnswerStream(AnswerSchema.decisionFields(AnalysisType.SENTIMENT));
        final List<String> pieces = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> firstPiece = new CompletableFuture<>();
        final CompletableFuture<OllamaStats> done = new CompletableFuture<>();
        final CompletableFuture<Throwable> failed = new CompletableFuture<>();

        @Override
        public void content(String piece) {
            pieces.add(piece);
            firstPiece.complete(null);
            AnswerStream.Progress progress = answer.accept(piece);
            if (progress.decision() != null) {
                events.add("decision");
            }
            if (!progress.reasonAdded().isEmpty()) {
                events.add("reason");
            }
        }

        @Override
        public void done(OllamaStats stats) {
            done.complete(stats);
        }

        @Override
        public void failed(Throwable cause) {
            failed.complete(cause);
        }
    }

    /** The analyzer's Ollama defaults, as application.properties sets them. */
    private record Config() implements AnalyzerConfig.Ollama {
        @Override
        public String model() {
            return "llama3.2:3b";
        }

        @Override
        public double temperature() {
            return 0.2;
        }

        @Override
        public int seed() {
            return 42;
        }

        @Override
        public int numCtx() {
            return 2048;
        }

        @Override
        public Duration keepAlive() {
            return Duration.ofMinutes(30);
        }

        @Override
        public boolean preload() {
            return false;
        }
    }
}
