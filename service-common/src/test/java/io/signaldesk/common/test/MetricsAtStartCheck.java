package io.signaldesk.common.test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every metric of a service that a Grafana dashboard (deploy/grafana/dashboards) or a Prometheus rule
 * (deploy/prometheus/rules.yml) reads is in /q/metrics from start-up, so panels and alerts read 0, not "No data".
 * A service's {@code @QuarkusTest MetricsAtStartTest} extends this and names its metric prefixes.
 */
public abstract class MetricsAtStartCheck {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.:])[a-zA-Z_][a-zA-Z0-9_:]*");
    private static final Set<String> NOT_METRICS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");

    /** This service's metric names start with these ("decision_"). */
    protected abstract List<String> prefixes();

    /** Metrics that cannot exist before their first event; each needs a reason and a test of its own. */
    protected Set<String> later() {
        return Set.of();
    }

    @Test
    void everyMetricTheDashboardsAndRulesReadIsThereAtStart() throws IOException {
        Set<String> wanted = referencedMetrics().stream()
                .filter(name -> prefixes().stream().anyMatch(name::startsWith))
                .filter(name -> !later().contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(wanted.isEmpty(), "no metric of this service found in " + DEPLOY.toAbsolutePath());
        String exposition = given().get("/q/metrics").asString();
        Set<String> missing = wanted.stream()
                .filter(name -> !Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(exposition).find())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), "not in /q/metrics at start: " + missing + " (of " + wanted + ")");
    }

    /** Metric names in every dashboard target and every rule expression. */
    public static Set<String> referencedMetrics() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode panel : json.readTree(file.toFile()).path("panels")) {
                    panel.path("targets").forEach(target -> names.addAll(metricNames(target.path("expr").asText())));
                }
            }
        }
        // rules.yml: every "expr:" line (one-line expressions, as the file writes them)
        for (String line : Files.readAllLines(DEPLOY.resolve("prometheus/rules.yml"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("expr:")) {
                names.addAll(metricNames(trimmed.substring("expr:".length())));
            }
        }
        return names;
    }

    /** The series names of a PromQL expression: not functions, keywords, labels, durations or recording rules. */
    public static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*\\}", "")
                .replaceAll("\\[[^\\]]*\\]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String token = matcher.group();
            String rest = bare.substring(matcher.end()).stripLeading();
            if (!rest.startsWith("(") && !token.contains(":") && !NOT_METRICS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }
}
