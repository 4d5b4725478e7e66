package io.signaldesk.analyzer.evaluate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** The product's model comparison table, then the detailed columns, as Markdown. */
public final class ReportTable {

    private ReportTable() {
    }

    public static String markdown(List<ModelScore> models) {
        StringBuilder out = new StringBuilder()
                .append("| Model | Response Time | Quality Score | RAM Used |\n")
                .append("|-------|---------------|---------------|----------|\n");
        for (ModelScore m : models) {
            out.append("| ").append(m.model()).append(" | ").append(m.p50Ms()).append(" ms | ")
                    .append(m.qualityScore()).append("/100 | ").append(ram(m.ramBytes())).append(" |\n");
        }
        out.append("\n| Model | Analyses | p50 | p95 | Tokens/s | Valid output | Reprompts | Fallbacks | Hit 1m | Hit 5m |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelScore m : models) {
            out.append("| ").append(m.model()).append(" | ").append(m.analyses())
                    .append(" | ").append(m.p50Ms()).append(" ms | ").append(m.p95Ms()).append(" ms | ")
                    .append(m.tokensPerSecond() == null ? "n/a" : m.tokensPerSecond().toPlainString())
                    .append(" | ").append(pct(m.validOutputRate())).append(" | ").append(pct(m.repromptRate()))
                    .append(" | ").append(pct(m.fallbackRate()))
                    .append(" | ").append(pct(m.hitRate1m())).append(" (").append(m.scored1m()).append(')')
                    .append(" | ").append(pct(m.hitRate5m())).append(" (").append(m.scored5m()).append(") |\n");
        }
        return out.toString();
    }

    /** Decimal gigabytes as Ollama prints them, one decimal; n/a when Ollama did not list the model as loaded. */
    static String ram(Long bytes) {
        if (bytes == null) {
            return "n/a";
        }
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1_000_000_000L), 1, RoundingMode.HALF_UP)
                .toPlainString() + " GB";
    }

    static String pct(BigDecimal rate) {
        return rate == null ? "n/a"
                : String.format(Locale.ROOT, "%.1f %%", rate.multiply(BigDecimal.valueOf(100)).doubleValue());
    }
}
