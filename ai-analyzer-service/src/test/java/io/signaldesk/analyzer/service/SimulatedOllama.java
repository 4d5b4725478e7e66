package io.signaldesk.analyzer.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.client.ChatStreamListener;
import io.signaldesk.analyzer.client.OllamaStats;

/**
 * Ollama as the emulator models it (../shared/ollama-emulator), on a {@link ManualClock}: one request at a time in the
 * order they come; the uncached prompt read at the prefill rate, which nothing interrupts; then one token every
 * 1/decode s; a stopped request ends at its next token (the connection closed), before it writes it. The test moves
 * time with {@link #nextEventAt()} and {@link #step()}.
 */
final class SimulatedOllama implements StreamedChat {

    private static final Pattern TOKEN = Pattern.compile("\\s?\\w+|[^\\w\\s]+|\\s");

    /** What the model reads and writes for one question: uncached prompt tokens and the answer's text. */
    record Work(int promptTokens, String answer) {
    }

    /** A machine: prompt tokens and output tokens per second. */
    record Profile(String name, double prefill, double decode) {

        long prefillNanos(int tokens) {
            return Math.round(tokens / prefill * 1e9);
        }

        long tokenNanos() {
            return Math.round(1e9 / decode);
        }
    }

    /** One request as Ollama served it. */
    static final class Request {
        final ModelQuestion question;
        final ChatStreamListener listener;
        final long sentAt;
        final List<String> tokens;
        final int promptTokens;
        long readFrom = -1;
        long readUntil = -1;
        int written;
        long endedAt = -1;
        boolean stopped;

        Request(ModelQuestion question, ChatStreamListener listener, long sentAt, Work work) {
            this.question = question;
            this.listener = listener;
            this.sentAt = sentAt;
            this.promptTokens = work.promptTokens();
            this.tokens = tokens(work.answer());
        }

        String user() {
            return question.userMessage();
        }

        boolean ended() {
            return endedAt >= 0;
        }
    }

    private final ManualClock clock;
    private final Profile profile;
    private final Function<ModelQuestion, Work> work;
    private final Deque<Request> pending = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private Request current;

    SimulatedOllama(ManualClock clock, Profile profile, Function<ModelQuestion, Work> work) {
        this.clock = clock;
        this.profile = profile;
        this.work = work;
    }

    @Override
    public Runnable chat(ModelQuestion question, ChatStreamListener listener) {
        Request request = new Request(question, listener, clock.nanoTime(), work.apply(question));
        requests.add(request);
        pending.addLast(request);
        if (current == null) {
            begin();
        }
        return () -> request.stopped = true;
    }

    /** Every request sent so far, in the order sent. */
    List<Request> requests() {
        return requests;
    }

    /** When the request being served next reads, writes or ends; {@link Long#MAX_VALUE} when idle. */
    long nextEventAt() {
        return current == null ? Long.MAX_VALUE : current.readUntil + (current.written + 1) * profile.tokenNanos();
    }

    /** Serves the next event at the clock's time ({@link #nextEventAt()}): a token, the answer's end, or a stop. */
    void step() {
        Request request = current;
        if (request.stopped) {
            end(request);
            return;
        }
        String piece = request.tokens.get(request.written++);
        request.listener.content(piece);
        if (request.written == request.tokens.size() && !request.stopped) {
            long decodeNanos = request.written * profile.tokenNanos();
            end(request);
            request.listener.done(new OllamaStats(request.question.model(), "stop", request.promptTokens,
                    request.readUntil - request.readFrom, request.written, decodeNanos, 0,
                    request.endedAt - request.readFrom));
        } else if (request.written == request.tokens.size()) {
            end(request);
        }
    }

    private void end(Request request) {
        request.endedAt = clock.nanoTime();
        current = null;
        if (!pending.isEmpty()) {
            begin();
        }
    }

    private void begin() {
        current = pending.removeFirst();
        current.readFrom = clock.nanoTime();
        current.readUntil = current.readFrom + profile.prefillNanos(current.promptTokens);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
