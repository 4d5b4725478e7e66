package io.signaldesk.analyzer.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.analyzer.ai.ChatRequests;
import io.signaldesk.analyzer.ai.LessonPrompt;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.config.LessonsConfig;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.domain.DigestSetup;
import io.signaldesk.analyzer.domain.LessonDraft;
import io.signaldesk.analyzer.domain.LessonDraftRequest;

/**
 * Asks the model in use for one-line lessons from a digest of its scored record, on Ollama's idle time only: the call
 * goes through the one queue in its lowest lane ({@link ModelQueue#shadow}, the shadow model's): it starts only when
 * nothing else waits and is put back the moment anything is asked (a draft never delays a question), and is skipped
 * when no idle time comes within {@code analyzer.lessons.max-wait}. The answer is checked before anyone sees it
 * (a JSON object, at most {@code max} lessons of 12 to 120 characters on one line, each naming setups of the digest);
 * a failed check is INVALID: no lesson, counted ({@code analyzer.lessons.drafts{outcome}}), and not asked again.
 */
@ApplicationScoped
public class LessonDraftService {

    static final List<String> OUTCOMES = List.of("drafted", "invalid", "skipped", "off");

    private final ModelQueue queue;
    private final ActiveModel active;
    private final AiModeService mode;
    private final AnalyzerConfig.Ollama ollama;
    private final LessonsConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public LessonDraftService(ModelQueue queue, ActiveModel active, AiModeService mode, AnalyzerConfig analyzer,
            LessonsConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.queue = queue;
        this.active = active;
        this.mode = mode;
        this.ollama = analyzer.ollama();
        this.config = config;
        this.mapper = mapper;
        this.registry = registry;
        OUTCOMES.forEach(o -> registry.counter("analyzer.lessons.drafts", "outcome", o));
    }

    public CompletionStage<LessonDraft> draft(LessonDraftRequest request) {
        String model = active.name();
        if (mode.mode() == AiMode.RULES) {
            return done(LessonDraft.not("OFF", model, "the analyzer answers from its rules (mode RULES): no model to ask"));
        }
        var body = ChatRequests.lessons(ollama, model, LessonPrompt.question(request.setups(), request.max()),
                LessonPrompt.schema(request.setups()), config.numPredict());
        ModelCall call = queue.shadow(null, body, List.of(LessonPrompt.LESSONS),
                System.nanoTime() + config.maxWait().toNanos(), Integer.MAX_VALUE).orElseThrow();
        return call.reply().handle((reply, failure) -> {
            if (reply == null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                return counted(LessonDraft.not("SKIPPED", model, cause instanceof CallDroppedException
                        ? "no idle model time within " + config.maxWait().toSeconds() + " s"
                        : "the model failed: " + cause.getMessage()));
            }
            int in = reply.stats() == null ? 0 : reply.stats().promptEvalCount();
            int out = reply.stats() == null ? 0 : reply.stats().evalCount();
            // cut once its lessons were whole (a question came): the decision fields hold them
            String text = reply.reasonCut() && reply.decision() != null ? reply.decision().toString() : reply.text();
            try {
                List<LessonDraft.Drafted> lessons = checked(text, request);
                return counted(new LessonDraft("DRAFTED", model, lessons, null, in, out, reply.totalMs()));
            } catch (InvalidLessons e) {
                return counted(new LessonDraft("INVALID", model, null, e.getMessage(), in, out, reply.totalMs()));
            }
        });
    }

    /** The lessons in the model's answer, or why it is unusable (then none of them is). */
    List<LessonDraft.Drafted> checked(String text, LessonDraftRequest request) throws InvalidLessons {
        JsonNode root;
        try {
            root = mapper.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new InvalidLessons("not a JSON object");
        }
        if (root == null || !root.isObject() || !root.path(LessonPrompt.LESSONS).isArray()) {
            throw new InvalidLessons("no lessons list");
        }
        JsonNode items = root.path(LessonPrompt.LESSONS);
        if (items.size() > request.max()) {
            throw new InvalidLessons(items.size() + " lessons, at most " + request.max() + " asked");
        }
        Set<String> ids = new HashSet<>(request.setups().stream().map(DigestSetup::id).toList());
        List<LessonDraft.Drafted> out = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode line = item.path(LessonPrompt.LESSON);
            JsonNode setups = item.path(LessonPrompt.SETUPS);
            if (!line.isTextual()) {
                throw new InvalidLessons("a lesson without its text");
            }
            String lesson = line.asText().strip();
            if (lesson.length() < LessonPrompt.MIN_CHARS || lesson.length() > LessonPrompt.MAX_CHARS) {
                throw new InvalidLessons("a lesson of " + lesson.length() + " characters, " + LessonPrompt.MIN_CHARS
                        + " to " + LessonPrompt.MAX_CHARS + " asked");
            }
            if (lesson.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidLessons("a lesson of more than one line");
            }
            if (!setups.isArray() || setups.isEmpty()) {
                throw new InvalidLessons("a lesson naming no setup");
            }
            List<String> named = new ArrayList<>();
            for (JsonNode id : setups) {
                if (!id.isTextual() || !ids.contains(id.asText())) {
                    throw new InvalidLessons("a lesson naming " + id + ", not a setup of the record");
                }
                if (!named.contains(id.asText())) {
                    named.add(id.asText());
                }
            }
            out.add(new LessonDraft.Drafted(named, lesson));
        }
        return out;
    }

    private LessonDraft counted(LessonDraft draft) {
        registry.counter("analyzer.lessons.drafts", "outcome", draft.status().toLowerCase(java.util.Locale.ROOT)).increment();
        return draft;
    }

    private static CompletionStage<LessonDraft> done(LessonDraft draft) {
        return CompletableFuture.completedFuture(draft);
    }

    /** A model answer no lesson may be taken from. */
    static final class InvalidLessons extends Exception {
        InvalidLessons(String message) {
            super(message, null, false, false);
        }
    }
}
