package io.signaldesk.analyzer.domain;

/**
 * The shadow model beside the model in use (GET /api/ai/shadow): its state (OFF, ON, REFUSED with the reason, or
 * UNCHECKED while Ollama cannot be read), the memory Ollama may give models here and what the two take, and both
 * models' figures on the desk's entry and exit questions; {@code probes}: the model in use asked on idle time about
 * setups the desk's edge gate stopped asking about (POST /api/analysis/probe/entry).
 */
public record ShadowReport(String state, String reason, Long modelMemoryBytes, ArenaFigures primary,
        ArenaFigures shadow, ArenaFigures probes) {
}
