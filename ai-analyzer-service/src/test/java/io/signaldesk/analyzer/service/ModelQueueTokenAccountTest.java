package io.signaldesk.analyzer.service;

import static io.signaldesk.analyzer.service.SimulatedDesk.M1_8GB_SLOW;
import static io.signaldesk.analyzer.service.SimulatedDesk.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.domain.AiMetrics;

/**
 * The token account of calls the queue cuts before Ollama's final chunk (which then never comes): on the emulated slow
 * M1 asked every 2 s, each sentiment runs to its decision and is cut there, and entries give up their reasons for it.
 */
class ModelQueueTokenAccountTest {

    @Test
    void countsTheTokensOfCallsCutAfterTheirDecisionStreamedOutputAndEstimatedPrompt() {
        SimulatedDesk desk = new SimulatedDesk(M1_8GB_SLOW).primed();
        long t0 = desk.clock.nanoTime();
        desk.asking(t0, t0 + 30 * S, 2 * S, t0 + 10 * S).runUntil(t0 + 35 * S);

        List<SimulatedOllama.Request> requests = desk.ollama.requests();
        List<SimulatedOllama.Request> cut = requests.stream().filter(r -> r.stopped && r.written > 0).toList();
        SimulatedOllama.Request sentiment = desk.requests(desk.sentiments.get(0)).get(0);
        assertTrue(cut.contains(sentiment) && sentiment.written < sentiment.tokens.size(),
                "the sentiment was cut after its decision" + desk.timeline());

        AiMetrics account = desk.metrics.snapshot();
        int written = requests.stream().mapToInt(r -> r.written).sum();
        assertEquals(written, account.totalCompletionTokens(), "every token the model wrote, cut calls' included"
                + desk.timeline());
        assertEquals(cut.size(), account.cutCalls());
        assertEquals(cut.stream().mapToInt(r -> r.written).sum(), account.cutCompletionTokensStreamed());
        assertEquals(requests.stream().filter(r -> r.written > 0).count(), account.totalCalls(), "cut calls are calls");

        int wholePrompts = requests.stream().filter(r -> r.written > 0 && !r.stopped).mapToInt(r -> r.promptTokens).sum();
        int cutPrompts = cut.stream().mapToInt(r -> r.promptTokens).sum();
        // estimated from each read at the measured prefill rate; a read begins up to one token late (the call before
        // it ends at its next token), 1/20 s at 115 tokens/s: 6 tokens a call at most
        assertEquals(cutPrompts, account.cutPromptTokensEstimated(), 6.0 * cut.size(), desk.timeline());
        assertEquals(wholePrompts + account.cutPromptTokensEstimated(), account.totalPromptTokens(),
                "Ollama's counts for whole calls, the estimates for cut ones");

        assertEquals(written, desk.registry.counter("gen_ai.client.token.usage", "gen_ai.token.type", "output",
                "gen_ai.system", "ollama").count(), "Prometheus' output token counter");
        assertEquals(cut.stream().filter(r -> r.user().startsWith("SENTIMENT")).mapToInt(r -> r.written).sum(),
                desk.registry.counter("analyzer.model.cut.tokens", "type", "SENTIMENT", "counted", "output-streamed")
                        .count());
    }
}
