package io.signaldesk.analyzer.evaluate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import io.signaldesk.core.evaluation.DirectionAccuracy;
import io.signaldesk.core.evaluation.Verdict;

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
        out.append("\nDirection: LONG/SHORT signals whose move passed the ±").append(EvaluationScorer.FLAT_BAND_PCT)
                .append(" % band (a hit rate above also counts WAIT inside the band), Wilson 95 % interval, p against 50 %.\n\n")
                .append("| Model | Direction 1m | Direction 5m | Always long 5m | Brier 5m (confidence c read as c/10) |\n|---|---|---|---|---|\n");
        for (ModelScore m : models) {
            out.append("| ").append(m.model()).append(" | ").append(direction(m.direction1m(), true)).append(" | ")
                    .append(direction(m.direction5m(), true)).append(" | ").append(direction(m.alwaysLong5m(), false))
                    .append(" | ").append(m.calibration5m() == null || m.calibration5m().brier() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.3f of %d", m.calibration5m().brier(), m.calibration5m().calls()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** "55.0 % [45.2, 64.4] of 100, p 0.37"; n/a without calls. */
    static String direction(DirectionAccuracy d, boolean withP) {
        if (d == null || d.calls() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f %% [%.1f, %.1f] of %d", d.rate() * 100, d.low() * 100, d.high() * 100,
                d.calls()) + (withP ? ", p " + Verdict.p(d.pValue()) : "");
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
