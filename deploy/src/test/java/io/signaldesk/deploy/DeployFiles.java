package io.signaldesk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths and parsers for the files under deploy/ and the repository root. */
final class DeployFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final List<String> DASHBOARDS = List.of("ai-analyzer.json", "market-feed.json", "decisions.json");

    private DeployFiles() {
    }

    /** The repository root: system property signaldesk.root (set by the pom), else the parent of the working dir. */
    static Path root() {
        String configured = System.getProperty("signaldesk.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static Path deploy(String relative) {
        return root().resolve("deploy").resolve(relative);
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static JsonNode dashboard(String fileName) {
        return json(deploy("grafana/dashboards/" + fileName));
    }

    /** Every PromQL expression of a dashboard (panel targets), in panel order. */
    static List<String> expressions(JsonNode dashboard) {
        return panels(dashboard)
                .flatMap(panel -> stream(panel.path("targets")))
                .map(target -> target.path("expr").asText())
                .toList();
    }

    static Stream<JsonNode> panels(JsonNode dashboard) {
        return stream(dashboard.path("panels"));
    }

    static Stream<JsonNode> stream(JsonNode array) {
        Stream.Builder<JsonNode> items = Stream.builder();
        array.forEach(items);
        return items.build();
    }
}
