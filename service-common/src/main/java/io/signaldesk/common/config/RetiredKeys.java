package io.signaldesk.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Keys that were renamed or removed: set anywhere (a properties file, -D, or its environment variable), the start
 * fails naming the key to use instead, since an old name would otherwise be ignored without a word (an edge gate
 * left on, a threshold not applied).
 */
@ApplicationScoped
public class RetiredKeys {

    /** Retired key → what to set instead. */
    static final Map<String, String> RETIRED = retired();

    private static Map<String, String> retired() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String rule : new String[] { "momentum-pct", "bid-share", "flow-ratio" }) {
            m.put("decision.rules." + rule, "strategy.rules." + rule);
        }
        m.put("decision.entry-cooldown", "strategy.entry-cooldown");
        m.put("decision.exit-check.every", "strategy.exit.check-every");
        m.put("decision.exit-check.adverse-move-pct", "strategy.exit.adverse-move-pct");
        m.put("decision.paper.default-stop-loss-pct", "strategy.exit.stop-loss-pct");
        m.put("decision.paper.take-profit-pct", "strategy.exit.take-profit-pct");
        m.put("decision.paper.initial-equity", "strategy.sizing.initial-equity");
        m.put("decision.paper.default-size-pct", "strategy.sizing.size-pct");
        m.put("decision.paper.max-size-pct", "decision.risk.max-position-pct (it caps every entry)");
        m.put("decision.paper.fee-pct", "strategy.costs.fee-pct");
        m.put("decision.paper.slippage-pct", "strategy.costs.slippage-pct");
        for (String edge : new String[] { "mode", "min-sample", "confidence", "prior-strength", "horizon", "regime-window" }) {
            m.put("decision.edge." + edge, "strategy.edge." + edge);
        }
        m.put("decision.edge.model-record", "decision.model-record.enabled");
        m.put("decision.edge.model-record-refresh", "decision.model-record.refresh");
        m.put("decision.edge.model-prompts-keep", "decision.model-record.prompts-keep");
        m.put("analyzer.ollama.timeout", "quarkus.langchain4j.ollama.timeout");
        return Map.copyOf(m);
    }

    void check(@Observes StartupEvent start, Config config) {
        List<String> found = found(config.getPropertyNames(), System.getenv());
        if (!found.isEmpty()) {
            throw new IllegalStateException("retired configuration keys are set: " + String.join("; ", found));
        }
    }

    /** Each retired key among {@code names} or {@code env} (as its environment variable), with what replaces it. */
    static List<String> found(Iterable<String> names, Map<String, String> env) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            String key = name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1) : name;
            if (RETIRED.containsKey(key)) {
                found.add(name + " is now " + RETIRED.get(key));
            }
        }
        RETIRED.forEach((key, now) -> {
            String variable = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            if (env.containsKey(variable)) {
                found.add(variable + " is now " + (now.contains(" ") ? now
                        : now.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
            }
        });
        return found.stream().distinct().toList();
    }
}
