package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * The real {@link ModelQueue}, idle window on, in front of a {@link SimulatedOllama} on a {@link ManualClock}, asked as
 * the desk asks: entry questions (2 s deadline) and the scheduled sentiment as background work (10 s deadline). The
 * questions and answers are the analyzer's shapes with the token counts measured on the emulator (an entry evaluates 35
 * prompt tokens, a 3-coin sentiment 93; 11 and 17 output tokens to their decisions).
 */
final class SimulatedDesk {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;
    static final String MODEL = "llama3.2:3b";
    static final String SHADOW_MODEL = "phi3:mini";
    static final SimulatedOllama.Profile M1_8GB = new SimulatedOllama.Profile("m1-8gb", 230, 22);
    static final SimulatedOllama.Profile M1_8GB_SLOW = new SimulatedOllama.Profile("m1-8gb-slow", 115, 20);
    static final String ENTRY_ANSWER = "{\"enter\":true,\"confidence\":7,\"reason\":\"Bids lead at 62% and momentum "
            + "is up for the third minute.\"}";
    static final String SENTIMENT_ANSWER = "{\"signal\":\"LONG\",\"sentiment\":\"BULLISH\",\"confidence\":7,\"coin\":"
            + "\"BTC\",\"reason\":\"Buyers lead on all three coins.\"}";
    /** The prompt's coin lines (ai/MarketPrompt): the queue estimates an unmeasured question's tokens from its length. */
    static final String BTC = "BTC 95000, momentum +0.35%, bids 62%, 5 buys/2 sells, buy volume 76%";
    static final String ETH = "ETH 3300.5, momentum -0.12%, bids 48%, 3 buys/4 sells, buy volume 41%";
    static final String SOL = "SOL 187.25, momentum +0.08%, bids 55%, 6 buys/5 sells, buy volume 58%";
    static final Duration ENTRY_DEADLINE = Duration.ofSeconds(2);
    static final Duration SENTIMENT_DEADLINE = Duration.ofSeconds(10);

    /** One question the desk asked: when, and when its decision came (-1: not yet, or never). */
    static final class Asked {
        final String user;
        final long at;
        final long deadline;
        final ModelCall call;
        long decidedAt = -1;

        Asked(String user, long at, long deadline, ModelCall call) {
            this.user = user;
            this.at = at;
            this.deadline = deadline;
            this.call = call;
        }

        boolean decidedInTime() {
            return decidedAt >= 0 && decidedAt <= deadline;
        }
    }

    final ManualClock clock = new ManualClock(1_000 * S);
    final long start = clock.nanoTime();
    final SimulatedOllama ollama;
    final MachineRates rates = new MachineRates(ENTRY_DEADLINE);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AnalyzerMeters meters;
    final AiMetricsService metrics;
    final ModelQueue queue;
    final List<Asked> entries = new ArrayList<>();
    final List<Asked> sentiments = new ArrayList<>();
    private final TreeMap<Long, List<Runnable>> plan = new TreeMap<>();

    SimulatedDesk(SimulatedOllama.Profile profile) {
        this.ollama = new SimulatedOllama(clock, profile, SimulatedDesk::work);
        this.meters = new AnalyzerMeters(registry);
        this.metrics = new AiMetricsService(meters);
        this.queue = new ModelQueue(ollama, clock, meters, rates, metrics, background(true));
    }

    static SimulatedOllama.Work work(ModelQuestion question) {
        String user = question.userMessage();
        if (user.startsWith("ENTRY")) {
            return new SimulatedOllama.Work(35, ENTRY_ANSWER);
        }
        if (user.startsWith("SENTIMENT")) {
            return new SimulatedOllama.Work(93, SENTIMENT_ANSWER);
        }
        if (user.startsWith("SHADOW")) {
            return new SimulatedOllama.Work(378, ENTRY_ANSWER); // a shadow's first call reads the whole system prompt
        }
        return new SimulatedOllama.Work(400, "OK"); // the priming call: the whole system prompt, one token
    }

    static AnalyzerConfig.Background background(boolean idleWindow) {
        return new AnalyzerConfig.Background() {
            @Override
            public boolean idleWindow() {
                return idleWindow;
            }

            @Override
            public Duration maxDelay() {
                return Duration.ofSeconds(4);
            }

            @Override
            public Duration quiet() {
                return Duration.ofSeconds(10);
            }
        };
    }

    static ModelQuestion question(String user) {
        return new ModelQuestion(user, OllamaChatRequestParameters.builder().modelName(MODEL).build());
    }

    /** The service's start: the priming call, then its answer (it measures the prefill rate only). */
    SimulatedDesk primed() {
        queue.prime(question("READY?"));
        runUntil(clock.nanoTime() + 5 * S);
        return this;
    }

    /** The desk asks an entry question now. */
    Asked entry() {
        long now = clock.nanoTime();
        String user = "ENTRY LONG at " + (95_000 + entries.size()) + ".1\n" + BTC;
        ModelCall call = queue.submit("entry|" + user, AnalysisType.ENTRY, true, question(user),
                AnswerSchema.decisionFields(AnalysisType.ENTRY), now + ENTRY_DEADLINE.toNanos());
        Asked asked = new Asked(user, now, now + ENTRY_DEADLINE.toNanos(), call);
        call.decision().thenRun(() -> asked.decidedAt = clock.nanoTime());
        entries.add(asked);
        return asked;
    }

    /** The schedule asks for the sentiment now, as background work. */
    Asked sentiment() {
        long now = clock.nanoTime();
        String user = "SENTIMENT " + sentiments.size() + "\n" + BTC + "\n" + ETH + "\n" + SOL;
        ModelCall call = queue.background("sentiment|" + user, AnalysisType.SENTIMENT, question(user),
                AnswerSchema.decisionFields(AnalysisType.SENTIMENT), now + SENTIMENT_DEADLINE.toNanos());
        Asked asked = new Asked(user, now, now + SENTIMENT_DEADLINE.toNanos(), call);
        call.decision().thenRun(() -> asked.decidedAt = clock.nanoTime());
        sentiments.add(asked);
        return asked;
    }

    /** A shadow model's entry question now, skipped at {@code deadline} if no window fits it. */
    ModelCall shadow(long deadline) {
        String user = "SHADOW ENTRY LONG at 95000.1\n" + BTC;
        return queue.shadow(AnalysisType.ENTRY, new ModelQuestion(user,
                OllamaChatRequestParameters.builder().modelName(SHADOW_MODEL).build()),
                AnswerSchema.decisionFields(AnalysisType.ENTRY), deadline, 4).orElseThrow();
    }

    /** What the queue now predicts a 3-coin sentiment costs on the model in use (resident). */
    IdleWindow.Cost sentimentCost() {
        String user = "SENTIMENT 0\n" + BTC + "\n" + ETH + "\n" + SOL;
        return rates.cost(MODEL, AnalysisType.SENTIMENT, user.length(), Prompts.SYSTEM.length(), true);
    }

    /** Plans {@code action} at {@code at} (clock time). */
    SimulatedDesk at(long at, Runnable action) {
        plan.computeIfAbsent(at, t -> new ArrayList<>()).add(action);
        return this;
    }

    /** An entry every {@code every} from {@code from} until {@code until}, and the sentiment at each of {@code sentimentAt}. */
    SimulatedDesk asking(long from, long until, long every, long... sentimentAt) {
        for (long t = from; t < until; t += every) {
            at(t, this::entry);
        }
        for (long t : sentimentAt) {
            at(t, this::sentiment);
        }
        return this;
    }

    /** Runs the desk, the queue's timer and the model up to {@code end}, each event at its time. */
    SimulatedDesk runUntil(long end) {
        while (true) {
            long planned = plan.isEmpty() ? Long.MAX_VALUE : plan.firstKey();
            long next = Math.min(planned, Math.min(ollama.nextEventAt(), clock.nextTaskAt()));
            if (next > end) {
                clock.advanceTo(end);
                return this;
            }
            clock.advanceTo(next); // runs the timer's tasks due by then
            if (ollama.nextEventAt() == next) {
                ollama.step();
            } else if (planned == next) {
                plan.pollFirstEntry().getValue().forEach(Runnable::run);
            }
        }
    }

    /** The requests Ollama served for {@code asked}, in order. */
    List<SimulatedOllama.Request> requests(Asked asked) {
        return ollama.requests().stream().filter(request -> request.user().equals(asked.user)).toList();
    }

    /** Entries that arrived while Ollama read a background call's prompt: Ollama held them until the read ended. */
    List<Asked> heldBehindABackgroundRead() {
        List<Asked> held = new ArrayList<>();
        for (SimulatedOllama.Request request : ollama.requests()) {
            if (!request.user().startsWith("SENTIMENT")) {
                continue;
            }
            for (Asked entry : entries) {
                if (entry.at >= request.readFrom && entry.at < request.readUntil) {
                    held.add(entry);
                }
            }
        }
        return held;
    }

    /** Entry answers stopped before their end: their reason was cut (they all had their decision first here). */
    long reasonsCut() {
        return ollama.requests().stream().filter(request -> request.user().startsWith("ENTRY") && request.stopped).count();
    }

    /** A timeline for failure messages: each request, when sent, read, ended, in ms from the start. */
    String timeline() {
        StringBuilder out = new StringBuilder();
        for (SimulatedOllama.Request request : ollama.requests()) {
            out.append(String.format(java.util.Locale.ROOT, "%n  %-22.22s sent %7d read %7d-%7d ended %7d tokens %2d%s",
                    firstLine(request.user()), ms(request.sentAt), ms(request.readFrom), ms(request.readUntil), ms(request.endedAt),
                    request.written, request.stopped ? " stopped" : ""));
        }
        for (Asked s : sentiments) {
            out.append(String.format(java.util.Locale.ROOT, "%n  %s asked %d decided %d deadline %d", firstLine(s.user), ms(s.at),
                    ms(s.decidedAt), ms(s.deadline)));
        }
        return out.toString();
    }

    long ms(long at) {
        return at < 0 ? -1 : (at - start) / MS;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
