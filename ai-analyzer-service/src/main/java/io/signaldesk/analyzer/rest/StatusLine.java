package io.signaldesk.analyzer.rest;

import java.util.Locale;

import io.signaldesk.analyzer.domain.AiMetrics;
import io.signaldesk.analyzer.domain.AiMode;

/**
 * The product's status line, {@code 🧠 AI REASONING │ 🤖 LOCAL AI │ Model: ... │ Tokens: 12,450 │ Calls: 42 │ Avg: 850ms},
 * then the answers given since start by source: {@code │ Answers: 42 model · 120 cache · 3 rules}.
 */
final class StatusLine {

    private StatusLine() {
    }

    /** @param aiAnswering whether the model's answers are actually arriving; LOCAL AI is never shown over fallbacks */
    static String of(AiMetrics metrics, AiMode mode, boolean aiAnswering) {
        String source = mode == AiMode.RULES ? "📏 RULES" : aiAnswering ? "🤖 LOCAL AI" : "⚠️ RULES FALLBACK";
        return String.format(Locale.US, "🧠 AI REASONING │ %s │ Model: %s │ Tokens: %,d │ Calls: %,d │ Avg: %,dms"
                + " │ Answers: %,d model · %,d cache · %,d rules",
                source, metrics.modelName(), metrics.totalTokens(), metrics.totalCalls(),
                Math.round(metrics.avgResponseTimeMs()), metrics.modelAnswers(), metrics.cacheAnswers(),
                metrics.rulesAnswers());
    }
}
