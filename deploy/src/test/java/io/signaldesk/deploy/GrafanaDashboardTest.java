package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Structural checks of the Grafana JSON in Java; .ci/run also type-checks it against @grafana/schema. */
class GrafanaDashboardTest {

    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "table", "bargauge");

    @ParameterizedTest
    @ValueSource(strings = {"ai-analyzer.json", "market-feed.json", "decisions.json"})
    void dashboardHasAStableUidATitleAndReadOnlyPanelsOnTheProvisionedDatasource(String file) {
        JsonNode dashboard = DeployFiles.dashboard(file);
        String datasourceUid = provisionedDatasourceUid();
        assertAll(file,
                () -> assertTrue(dashboard.path("uid").asText().matches("[a-z0-9-]{1,40}")),
                () -> assertFalse(dashboard.path("title").asText().isBlank()),
                () -> assertTrue(dashboard.path("schemaVersion").asInt() >= 36),
                () -> assertFalse(dashboard.path("editable").asBoolean(true)),
                () -> assertTrue(dashboard.path("panels").size() >= 5));
        Set<Integer> ids = new HashSet<>();
        DeployFiles.panels(dashboard).forEach(panel -> {
            String title = panel.path("title").asText();
            assertAll(file + " / " + title,
                    () -> assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id"),
                    () -> assertTrue(PANEL_TYPES.contains(panel.path("type").asText()), panel.path("type").asText()),
                    () -> assertEquals(datasourceUid, panel.path("datasource").path("uid").asText()),
                    () -> assertTrue(panel.path("targets").size() >= 1),
                    () -> assertFalse(panel.path("fieldConfig").path("defaults").isMissingNode()));
            Set<String> refIds = new HashSet<>();
            panel.path("targets").forEach(target -> {
                assertTrue(refIds.add(target.path("refId").asText()), title + ": duplicate refId");
                assertFalse(target.path("expr").asText().isBlank(), title + ": empty expr");
            });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ai-analyzer.json", "market-feed.json", "decisions.json"})
    void panelsFitTheTwentyFourColumnGridWithoutOverlapping(String file) {
        List<int[]> boxes = new ArrayList<>();
        DeployFiles.panels(DeployFiles.dashboard(file)).forEach(panel -> {
            JsonNode grid = panel.path("gridPos");
            int[] box = {grid.path("x").asInt(), grid.path("y").asInt(), grid.path("w").asInt(), grid.path("h").asInt()};
            assertTrue(box[2] > 0 && box[3] > 0 && box[0] + box[2] <= 24, panel.path("title").asText());
            for (int[] other : boxes) {
                boolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
                        || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];
                assertTrue(apart, panel.path("title").asText() + " overlaps another panel");
            }
            boxes.add(box);
        });
    }

    @Test
    void dashboardsShowWhatTheIssueAsksFor() {
        Map<String, List<String>> wanted = Map.of(
                "ai-analyzer.json", List.of("analyzer_analyses_total", "analyzer_latency_seconds_bucket",
                        "gen_ai_client_token_usage", "analyzer_tokens_per_second", "analyzer_fallbacks_total",
                        "analyzer_cache_hits_total", "analyzer_model_info"),
                "market-feed.json", List.of("feed_messages_total", "feed_event_lag_seconds", "feed_reconnects_total",
                        "feed_parse_errors_total", "feed_websocket_clients"),
                "decisions.json", List.of("decision_proposals_total", "decision_fills_total", "decision_equity",
                        "decision_pnl_realized", "decision_pnl_unrealized", "decision_signal_hit_rate",
                        "decision_signal_hit_rate_by_confidence", "decision_mode"));
        wanted.forEach((file, metrics) -> {
            String all = String.join("\n", DeployFiles.expressions(DeployFiles.dashboard(file)));
            metrics.forEach(metric -> assertTrue(all.contains(metric), file + " has no panel on " + metric));
        });
        String latency = String.join("\n", DeployFiles.expressions(DeployFiles.dashboard("ai-analyzer.json")));
        assertTrue(latency.contains("histogram_quantile(0.5,") && latency.contains("histogram_quantile(0.95,"));
    }

    @Test
    void everyExpressionIsValidPromqlForPromtool(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String promtool = Tools.require("GrafanaDashboardTest.everyExpressionIsValidPromqlForPromtool", "promtool",
                "promtool (apt-get install prometheus; brew install prometheus)").toString();
        // promtool parses the PromQL of recording rules: one rule per dashboard expression
        List<String> expressions = DeployFiles.DASHBOARDS.stream()
                .flatMap(file -> DeployFiles.expressions(DeployFiles.dashboard(file)).stream())
                .toList();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            rules.append("      - record: dashboard:expr").append(i).append('\n')
                    .append("        expr: ").append(DeployFiles.JSON.writeValueAsString(expressions.get(i))).append('\n');
        }
        Files.writeString(dir.resolve("dashboards.rules.yml"), rules);
        Tools.Result result = Tools.run(dir, List.of(promtool, "check", "rules", "dashboards.rules.yml"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS: " + expressions.size() + " rules found"), result.output());
    }

    @Test
    void provisioningLoadsEveryDashboardFileFromTheMountedFolder() {
        JsonNode provider = DeployFiles.yaml(DeployFiles.deploy("grafana/provisioning/dashboards/signal-desk.yml"))
                .path("providers").path(0);
        assertEquals("/etc/grafana/dashboards", provider.path("options").path("path").asText());
        Set<String> uids = DeployFiles.DASHBOARDS.stream()
                .map(file -> DeployFiles.dashboard(file).path("uid").asText())
                .collect(Collectors.toSet());
        assertEquals(3, uids.size(), "dashboard uids must differ");
    }

    private static String provisionedDatasourceUid() {
        return DeployFiles.yaml(DeployFiles.deploy("grafana/provisioning/datasources/prometheus.yml"))
                .path("datasources").path(0).path("uid").asText();
    }
}
