package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrometheusConfigTest {

    private final JsonNode config = DeployFiles.yaml(DeployFiles.deploy("prometheus/prometheus.yml"));
    private final JsonNode rules = DeployFiles.yaml(DeployFiles.deploy("prometheus/rules.yml"));

    @Test
    void scrapesTheMetricsEndpointOfEachServiceByItsComposeName() {
        Map<String, String> targets = new TreeMap<>();
        config.path("scrape_configs").forEach(job -> {
            assertEquals("/q/metrics", job.path("metrics_path").asText(), job.path("job_name").asText());
            targets.put(job.path("job_name").asText(), job.path("static_configs").path(0).path("targets").path(0).asText());
        });
        assertEquals(Map.of("ai-analyzer", "ai-analyzer:8082", "decision", "decision:8083",
                "market-feed", "market-feed:8081"), targets);
    }

    @Test
    void alertsOnSlowAnalysisAStaleFeedAndAHighFallbackRate() {
        List<String> alerts = new ArrayList<>();
        rules.path("groups").forEach(group -> group.path("rules").forEach(rule -> {
            if (rule.has("alert")) {
                alerts.add(rule.path("alert").asText() + " := " + rule.path("expr").asText());
            }
        }));
        assertTrue(alerts.stream().anyMatch(a -> a.startsWith("AnalyzerSlow") && a.contains("analyzer_latency_seconds_bucket")
                && a.contains("> 2")), alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.startsWith("FeedStale") && a.contains("feed_")), alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.startsWith("AnalyzerFallbackRateHigh")), alerts.toString());
    }

    @Test
    void promtoolAcceptsTheConfigAndTheRules() {
        String promtool = Tools.require("PrometheusConfigTest.promtoolAcceptsTheConfigAndTheRules", "promtool",
                "promtool (apt-get install prometheus; brew install prometheus)").toString();
        Tools.Result result = Tools.run(DeployFiles.deploy("prometheus"), List.of(promtool, "check", "config", "prometheus.yml"));
        assertEquals(0, result.exitCode(), result.output());
    }
}
