package io.signaldesk.decision.adapter.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.decision.adapter.analyzer.PendingAnalyses.Match;
import io.signaldesk.decision.adapter.analyzer.PendingAnalyses.Pending;

/** The answers an analyzer sends over Kafka, as the decision service routes them: open, late, not ours, or poison. */
class AnalysisResultConsumerTest {

    private static final String SIGNAL = """
            {"requestId":"%s","kind":"signal","coin":"BTC","analyzer":"analyzer-1","data":{"type":"ENTRY",
             "decision":{"enter":true,"confidence":7},"source":"AI","model":"llama3.2:3b","fallbackReason":null,"signalMs":640}}""";
    private static final String DONE = """
            {"requestId":"%s","kind":"done","coin":"BTC","analyzer":"analyzer-1","data":{"type":"ENTRY",
             "result":{"enter":true,"confidence":7,"reason":"Momentum and buyers' flow agree."},"source":"AI",
             "model":"llama3.2:3b","latencyMs":1410,"promptTokens":96,"completionTokens":38,"fallbackReason":null,
             "reprompted":false,"at":"2026-11-27T08:00:01Z","signalMs":640,"reasonCut":false}}""";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PendingAnalyses pending = new PendingAnalyses(registry);
    private final List<String> relayed = new ArrayList<>();
    private final AnalysisResultConsumer consumer = new AnalysisResultConsumer(pending,
            new ObjectMapper().registerModule(new JavaTimeModule()), registry, new Relay(relayed), true);

    /** The dashboard relay as CDI would call it: the frames fired, in order. */
    private record Relay(List<String> frames) implements Event<AnalysisStreamClient.AnalysisFrame> {
        @Override
        public void fire(AnalysisStreamClient.AnalysisFrame frame) {
            frames.add(frame.json());
        }

        @Override
        public <U extends AnalysisStreamClient.AnalysisFrame> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AnalysisStreamClient.AnalysisFrame> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<AnalysisStreamClient.AnalysisFrame> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends AnalysisStreamClient.AnalysisFrame> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AnalysisStreamClient.AnalysisFrame> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theSignalDecidesAndTheDoneRecordBringsTheReason() throws Exception {
        CompletableFuture<String> reason = new CompletableFuture<>();
        Pending open = pending.open("r-1", Instant.now().plusSeconds(3), reason);

        assertEquals(Match.OPEN, consumer.accept(SIGNAL.formatted("r-1")));
        assertTrue(open.signal().isDone());
        assertEquals(true, open.signal().get().signal().decision().path("enter").asBoolean());
        assertEquals("analyzer-1", open.signal().get().analyzer());
        assertTrue(!reason.isDone(), "the reason is still being written");

        assertEquals(Match.OPEN, consumer.accept(DONE.formatted("r-1")));
        assertEquals("Momentum and buyers' flow agree.", reason.get());
        assertEquals(1.0, registry.counter("decision.analyzer.kafka.answers", "analyzer", "analyzer-1").count());
        assertEquals(0, pending.openCount());
        assertEquals(2, relayed.size(), "the dashboard hears the decision, then the reason");
        assertTrue(relayed.get(0).startsWith("{\"kind\":\"signal\",\"type\":\"ENTRY\",\"signal\":{"), relayed.get(0));
        assertEquals("{\"kind\":\"reason\",\"type\":\"ENTRY\",\"text\":\"Momentum and buyers' flow agree.\"}", relayed.get(1));
    }

    @Test
    void aDoneRecordAloneDecidesToo() throws Exception {
        Pending open = pending.open("r-2", Instant.now().plusSeconds(3), new CompletableFuture<>());
        assertEquals(Match.OPEN, consumer.accept(DONE.formatted("r-2")));
        assertEquals(7, open.signal().get().signal().decision().path("confidence").asInt());
    }

    @Test
    void anAnswerAfterTheDeadlineIsLateCountedOnceAndIgnored() {
        CompletableFuture<String> reason = new CompletableFuture<>();
        pending.open("r-3", Instant.now().plusSeconds(3), reason);
        pending.giveUp("r-3");
        assertTrue(reason.isDone(), "the engine stopped waiting for the reason too");
        assertNull(reason.join());

        assertEquals(Match.LATE, consumer.accept(SIGNAL.formatted("r-3")));
        assertEquals(Match.LATE, consumer.accept(DONE.formatted("r-3")));
        assertEquals(1.0, registry.counter("decision.analyzer.kafka.late").count());
        assertEquals(0.0, registry.counter("decision.analyzer.kafka.answers", "analyzer", "analyzer-1").count());
        assertTrue(relayed.isEmpty(), "nothing late reaches the dashboard");
    }

    @Test
    void anAnswerToAnotherServicesRequestIsNotOurs() {
        assertEquals(Match.UNKNOWN, consumer.accept(SIGNAL.formatted("someone-else")));
        assertEquals(0.0, registry.counter("decision.analyzer.kafka.late").count());
    }

    @Test
    void recordsThatAreNotAnswersAreRefusedForTheDeadLetterTopic() {
        for (String poison : new String[] {"not json", "{\"kind\":\"signal\",\"data\":{}}", "[1,2,3]",
                "{\"requestId\":\"r\",\"kind\":\"shout\",\"data\":{}}", "{\"requestId\":\"r\",\"kind\":\"signal\",\"data\":\"x\"}",
                "{\"requestId\":\"r\",\"kind\":\"signal\",\"data\":{\"decision\":[1]}}",
                "{\"requestId\":\"" + "x".repeat(65) + "\",\"kind\":\"signal\",\"data\":{}}",
                "{\"requestId\":\"r\",\"kind\":\"signal\",\"data\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}", ""}) {
            assertThrows(IllegalArgumentException.class, () -> consumer.accept(poison), poison.length() > 80
                    ? poison.substring(0, 80) : poison);
        }
    }
}
