package io.signaldesk.decision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric of this service that a Grafana dashboard (deploy/grafana/dashboards) or a Prometheus rule
 * (deploy/prometheus/rules.yml) reads is in /q/metrics from start-up, so panels and alerts read 0, not "No data".
 */
@QuarkusTest
class MetricsAtStartTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.:])[a-zA-Z_][a-zA-Z0-9_:]*");
    private static final Set<String> NOT_METRICS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    /** This service's metric names start with these. */
    private static final java.util.List<String> PREFIX_LIST = java.util.List.of("decision_");
    /** Metrics whose label sets are not known at start, each with the reason (and its own test below). */
    private static final Set<String> LATER = Set.of(
            "decision_fills_total"); // per coin: at zero from the first feed frame naming the coin

    @jakarta.inject.Inject
    io.signaldesk.decision.service.MarketStateService market;

    @Test
    void everyMetricTheDashboardsAndRulesReadIsThereAtStart() throws IOException {
        Set<String> wanted = referencedMetrics().stream()
                .filter(name -> PREFIX_LIST.stream().anyMatch(name::startsWith))
                .filter(name -> !LATER.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(wanted.isEmpty(), "no metric of this service found in " + DEPLOY.toAbsolutePath());
        String exposition = given().get("/q/metrics").asString();
        Set<String> missing = wanted.stream()
                .filter(name -> !Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(exposition).find())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), "not in /q/metrics at start: " + missing + " (of " + wanted + ")");
    }

    @Test
    void fillCountersOfACoinExistFromTheFirstFrameNamingIt() {
        market.accept(io.signaldesk.decision.support.Market.snapshot(
                io.signaldesk.decision.support.Market.flat("MZ1", "12.5")));
        String exposition = given().get("/q/metrics").asString();
        for (String side : new String[] {"BUY", "SELL"}) {
            assertTrue(Pattern.compile("(?m)^decision_fills_total\\{[^}]*coin=\"MZ1\"[^}]*side=\"" + side + "\"[^}]*} 0\\.0$")
                    .matcher(exposition).find(), side + " fills of MZ1 not at 0:\n" + exposition.lines()
                    .filter(l -> l.startsWith("decision_fills")).toList());
        }
    }

    /** Metric names in every dashboard target and every rule expression. */
    static Set<String> referencedMetrics() throws IOException {
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
    static Set<String> metricNames(String expr) {
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
