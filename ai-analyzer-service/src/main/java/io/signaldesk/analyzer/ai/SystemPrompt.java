package io.signaldesk.analyzer.ai;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The system message every analysis is asked with: {@link Prompts#SYSTEM}, then the lessons the trader accepted (set by
 * the decision service, {@code PUT /api/ai/lessons}). The text is built once per change of the accepted lessons and
 * the same object handed out in between, so the system prompt, and Ollama's prefix cache of it, change only when the
 * trader changes the set; a new version with the same lessons changes nothing.
 */
@ApplicationScoped
public class SystemPrompt {

    /** At most this many lessons, each at most this long (the decision service bounds them tighter). */
    public static final int MAX_LESSONS = 10;
    public static final int MAX_LESSON_CHARS = 200;

    /** The accepted lessons, in order, and the version of that set (0: none accepted yet). */
    public record Lessons(int version, List<String> lines) {

        public Lessons {
            lines = List.copyOf(lines);
        }
    }

    private record State(Lessons lessons, Optional<String> message) {
    }

    private volatile State state = new State(new Lessons(0, List.of()), Optional.of(Prompts.SYSTEM));

    /** The system message as sent now. */
    public Optional<String> message() {
        return state.message();
    }

    public String text() {
        return state.message().orElseThrow();
    }

    public Lessons lessons() {
        return state.lessons();
    }

    /** Takes the accepted set; the text is rebuilt only when the lessons differ from the ones in it. */
    public synchronized Lessons set(Lessons lessons) {
        State now = state;
        Optional<String> message = now.lessons().lines().equals(lessons.lines()) ? now.message()
                : Optional.of(Prompts.system(lessons.lines()));
        state = new State(lessons, message);
        return lessons;
    }
}
