package io.signaldesk.analyzer.service;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.analyzer.Markets;
import io.signaldesk.analyzer.OllamaReplies;
import io.signaldesk.analyzer.StubServers;
import io.signaldesk.analyzer.ai.ChatRequests;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisType;

/** The one queue in front of Ollama: coalescing, priorities, one call at a time. Against the instant stub, made slow where order matters. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class ModelQueueTest {

    static final String ENTRY = "{\"enter\":true,\"confidence\":7,\"reason\":\"Bids lead and momentum is up.\"}";
    static final String EXIT = "{\"action\":\"HOLD\",\"confidence\":6,\"reason\":\"Trend intact.\"}";
    static final String SENTIMENT = "{\"signal\":\"LONG\",\"sentiment\":\"BULLISH\",\"confidence\":7,\"coin\":\"BTC\","
            + "\"reason\":\"Buyers lead.\"}";

    @Inject
    ModelQueue queue;

    @Inject
    AnalysisCache cache;

    @Inject
    AnalyzerConfig config;

    @BeforeEach
    void freshStubs() {
        StubServers.reset();
        cache.clear();
    }

    @Test
    void coalescesIdenticalConcurrentQuestionsIntoOneModelCall() throws Exception {
        StubServers.server().stubFor(OllamaReplies.chatCall()
                .willReturn(StubServers.json(OllamaReplies.chat(ENTRY)).withFixedDelay(400)));
        String body = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1}";
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON).body(body)
                        .post("/api/analysis/entry").then().statusCode(200).extract().path("source"), callers));
            }
            for (CompletableFuture<String> answer : answers) {
                // a caller the loaded machine let in after the call ended finds its answer in the cache
                String source = answer.get(10, TimeUnit.SECONDS);
                assertTrue("AI".equals(source) || "CACHE".equals(source), source);
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, OllamaReplies.chatRequests().size(), "ten identical questions, one model call");
    }

    @Test
    void asksAnEntryQueuedBehindASentimentFirst() {
        StubServers.server().stubFor(OllamaReplies.chatCall()
                .willReturn(StubServers.json(OllamaReplies.chat(SENTIMENT)).withFixedDelay(300)));
        long far = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var busy = queue.submit("test|exit", AnalysisType.EXIT, false, request(AnalysisType.EXIT, "EXIT first"),
                List.of("action", "confidence"), far);
        var sentiment = queue.submit("test|sentiment", AnalysisType.SENTIMENT, false,
                request(AnalysisType.SENTIMENT, "SENTIMENT queued first"), List.of("signal"), far);
        var entry = queue.submit("test|entry", AnalysisType.ENTRY, false, request(AnalysisType.ENTRY, "ENTRY queued second"),
                List.of("enter"), far);
        CompletableFuture.allOf(busy.reply(), sentiment.reply(), entry.reply()).orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();

        List<String> order = OllamaReplies.chatRequests().stream()
                .map(sent -> sent.get("messages").get(1).get("content").asText()).toList();
        assertEquals(List.of("EXIT first", "ENTRY queued second", "SENTIMENT queued first"), order,
                "the entry went before the sentiment queued ahead of it");
    }

    @Test
    void putsALowerPriorityCallBackEachTimeUrgentWorkArrivesWhileItsPromptIsStillRead() {
        // the stub writes nothing for 400 ms: the model is still reading the prompt
        StubServers.server().stubFor(OllamaReplies.chatCall()
                .willReturn(StubServers.json(OllamaReplies.chat(SENTIMENT)).withFixedDelay(400)));
        StubServers.server().stubFor(OllamaReplies.chatCall().withRequestBody(matching("(?s).*ENTRY (one|two).*"))
                .willReturn(StubServers.json(OllamaReplies.chat(ENTRY))));
        long far = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var sentiment = queue.submit("test|sentiment", AnalysisType.SENTIMENT, true,
                request(AnalysisType.SENTIMENT, "SENTIMENT scheduled"), List.of("signal"), far);
        awaitModelCalls(1);
        queue.submit("test|entry1", AnalysisType.ENTRY, true, request(AnalysisType.ENTRY, "ENTRY one"), List.of("enter"), far)
                .reply().orTimeout(10, TimeUnit.SECONDS).join();
        awaitModelCalls(3); // the sentiment asked again
        var second = queue.submit("test|entry2", AnalysisType.ENTRY, true, request(AnalysisType.ENTRY, "ENTRY two"),
                List.of("enter"), far);
        second.reply().orTimeout(10, TimeUnit.SECONDS).join();
        ModelReply whole = sentiment.reply().orTimeout(10, TimeUnit.SECONDS).join();

        List<String> order = OllamaReplies.chatRequests().stream()
                .map(sent -> sent.get("messages").get(1).get("content").asText()).toList();
        assertEquals(List.of("SENTIMENT scheduled", "ENTRY one", "SENTIMENT scheduled", "ENTRY two", "SENTIMENT scheduled"),
                order, "put back a second time rather than holding the second entry through its prompt and decision");
        assertEquals("Buyers lead.", whole.reason(), "the sentiment still finished, reason and all");
    }

    private static void awaitModelCalls(int count) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (OllamaReplies.chatRequests().size() < count) {
            assertTrue(System.nanoTime() < until, "the model was asked " + OllamaReplies.chatRequests().size() + " times, not " + count);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void dropsAQueuedCallWhoseCallersGaveUpWithoutAskingTheModel() {
        StubServers.server().stubFor(OllamaReplies.chatCall()
                .willReturn(StubServers.json(OllamaReplies.chat(EXIT)).withFixedDelay(300)));
        long far = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var busy = queue.submit("test|busy", AnalysisType.EXIT, false, request(AnalysisType.EXIT, "EXIT busy"),
                List.of("action"), far);
        var stale = queue.submit("test|stale", AnalysisType.ENTRY, false, request(AnalysisType.ENTRY, "ENTRY stale"),
                List.of("enter"), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));
        busy.reply().orTimeout(10, TimeUnit.SECONDS).join();
        Throwable failure = stale.reply().handle((reply, e) -> e).orTimeout(10, TimeUnit.SECONDS).join();

        assertTrue(failure instanceof CallDroppedException || failure.getCause() instanceof CallDroppedException,
                "dropped: " + failure);
        List<JsonNode> sent = OllamaReplies.chatRequests();
        assertEquals(1, sent.size(), "the stale entry never reached the model");
    }

    @Test
    void sendsThinkFalseAndTheSameLoadOptionsOnEveryCall() {
        OllamaReplies.answer(ENTRY);
        given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1}")
                .post("/api/analysis/entry").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"coin\":\"ETH\",\"side\":\"SHORT\",\"price\":3300.5}")
                .post("/api/analysis/entry").then().statusCode(200);

        // the start's priming call may still be asked when this is the JVM's first test: it is no question
        List<JsonNode> sent = OllamaReplies.analysisRequests();
        assertEquals(2, sent.size());
        for (JsonNode request : sent) {
            assertEquals(false, request.get("think").asBoolean());
            assertEquals(2048, request.get("options").get("num_ctx").asInt(), "num_ctx never changes between calls");
            assertTrue(request.hasNonNull("keep_alive"));
        }
        String second = sent.get(1).get("messages").get(1).get("content").asText();
        assertTrue(second.startsWith("ENTRY SHORT at 3300.5\nETH 3300.6, ") && !second.contains("BTC"),
                "only the coin asked about: " + second);
    }

    @Test
    void asksTheDesksQuestionBeforeEveryOutsideQuestionQueuedAheadOfIt() {
        StubServers.server().stubFor(OllamaReplies.chatCall()
                .willReturn(StubServers.json(OllamaReplies.chat(SENTIMENT)).withFixedDelay(300)));
        long far = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var outside = new ArrayList<ModelCall>();
        for (int i = 0; i < 4; i++) {
            outside.add(queue.submit("test|outside" + i, AnalysisType.ENTRY, false,
                    request(AnalysisType.ENTRY, "ENTRY outside " + i), List.of("enter"), far));
        }
        // the desk's lowest-priority question still goes ahead of every outside entry
        var desk = queue.submit("test|desk", AnalysisType.SENTIMENT, true,
                request(AnalysisType.SENTIMENT, "SENTIMENT desk"), List.of("signal"), far);
        desk.reply().orTimeout(10, TimeUnit.SECONDS).join();
        CompletableFuture.allOf(outside.stream().map(ModelCall::reply).toArray(CompletableFuture[]::new))
                .orTimeout(20, TimeUnit.SECONDS).exceptionally(e -> null).join();

        List<String> order = OllamaReplies.chatRequests().stream()
                .map(sent -> sent.get("messages").get(1).get("content").asText()).toList();
        // the running outside call gives way (asked again later, if it had reached the model at all): the desk's
        // question is the first or the second the model sees, then the outside ones in their order
        assertTrue(order.indexOf("SENTIMENT desk") <= 1 && order.indexOf("ENTRY outside 1") > order.indexOf("SENTIMENT desk"),
                "the desk's question before the outside ones queued ahead of it: " + order);
        assertEquals(List.of("ENTRY outside 0", "ENTRY outside 1", "ENTRY outside 2", "ENTRY outside 3"),
                order.stream().filter(q -> q.startsWith("ENTRY")).distinct().toList());
    }

    @Test
    void movesAnOutsideQuestionUpToTheDesksLaneWhenTheDeskAsksItToo() {
        StubServers.server().stubFor(OllamaReplies.chatCall()
                .willReturn(StubServers.json(OllamaReplies.chat(ENTRY)).withFixedDelay(300)));
        long far = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var busy = queue.submit("test|busy", AnalysisType.ENTRY, true, request(AnalysisType.ENTRY, "ENTRY desk busy"),
                List.of("enter"), far);
        var other = queue.submit("test|other", AnalysisType.EXIT, false, request(AnalysisType.EXIT, "EXIT outside"),
                List.of("action"), far);
        var shared = queue.submit("test|shared", AnalysisType.ENTRY, false, request(AnalysisType.ENTRY, "ENTRY shared"),
                List.of("enter"), far);
        var joined = queue.submit("test|shared", AnalysisType.ENTRY, true, request(AnalysisType.ENTRY, "ENTRY shared"),
                List.of("enter"), far);
        assertTrue(joined == shared, "the desk joins the call already queued");
        CompletableFuture.allOf(busy.reply(), other.reply(), shared.reply()).orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();

        List<String> order = OllamaReplies.chatRequests().stream()
                .map(sent -> sent.get("messages").get(1).get("content").asText()).toList();
        assertEquals(List.of("ENTRY desk busy", "ENTRY shared", "EXIT outside"), order);
    }

    @Test
    void makesBackgroundWorkUrgentWhenSomeoneAsksTheSameQuestion() {
        StubServers.server().stubFor(OllamaReplies.chatCall()
                .willReturn(StubServers.json(OllamaReplies.chat(SENTIMENT)).withFixedDelay(300)));
        long far = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        var busy = queue.submit("test|busy", AnalysisType.EXIT, true, request(AnalysisType.EXIT, "EXIT busy"),
                List.of("action"), far);
        var scheduled = queue.background("test|same", AnalysisType.SENTIMENT,
                request(AnalysisType.SENTIMENT, "SENTIMENT same"), List.of("signal"), far);
        assertTrue(scheduled.background, "the schedule's question is background work");
        var asked = queue.submit("test|same", AnalysisType.SENTIMENT, true, request(AnalysisType.SENTIMENT, "SENTIMENT same"),
                List.of("signal"), far);
        assertTrue(asked == scheduled, "one call for both");
        assertTrue(!asked.background, "someone waits on it now: never put back for the next question");
        CompletableFuture.allOf(busy.reply(), asked.reply()).orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(2, OllamaReplies.analysisRequests().size());
    }

    private io.signaldesk.analyzer.ai.ModelQuestion request(AnalysisType type, String user) {
        return ChatRequests.analysis(config.ollama(), "llama3.2:3b", type, List.of(Markets.coin("BTC").coin()), user);
    }
}
