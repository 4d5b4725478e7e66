package io.signaldesk.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Debian's prometheus, run on a loopback port with the project's scrape config pointed at local processes. */
final class PrometheusProcess {

    private final Path binary;
    private final int port;
    private final Path dir;
    private Process process;

    PrometheusProcess(Path binary, int port, Path dir) {
        this.binary = binary;
        this.port = port;
        this.dir = dir;
    }

    /** Copies deploy/prometheus/, replacing each job's targets by the given host:port. */
    void start(Map<String, List<String>> targetsByJob) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        ObjectNode config = (ObjectNode) DeployFiles.yaml(DeployFiles.deploy("prometheus/prometheus.yml"));
        for (JsonNode job : config.path("scrape_configs")) {
            List<String> local = targetsByJob.get(job.path("job_name").asText());
            if (local == null) {
                throw new IllegalStateException("no local target for job " + job.path("job_name").asText());
            }
            ArrayNode targets = ((ObjectNode) job.path("static_configs").path(0)).putArray("targets");
            local.forEach(targets::add);
        }
        DeployFiles.YAML.writeValue(dir.resolve("prometheus.yml").toFile(), config);
        Files.copy(DeployFiles.deploy("prometheus/rules.yml"), dir.resolve("rules.yml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        process = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited\n" + logTail());
            }
            if (Http.get(url("/-/ready")).status() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("prometheus not ready after " + timeout + "\n" + logTail());
    }

    /** instance -> health ("up", "down", "unknown") of the active targets. */
    Map<String, String> targetHealth() {
        Map<String, String> health = new java.util.TreeMap<>();
        Http.get(url("/api/v1/targets")).json().path("data").path("activeTargets").forEach(target ->
                health.put(target.path("labels").path("job").asText() + " " + target.path("labels").path("instance").asText(),
                        target.path("health").asText()
                        + (target.path("lastError").asText().isEmpty() ? "" : " (" + target.path("lastError").asText() + ")")));
        return health;
    }

    /** rule name -> health ("ok", "err: ...", "unknown" before its first evaluation) of deploy/prometheus/rules.yml. */
    Map<String, String> ruleHealth() {
        Map<String, String> health = new java.util.TreeMap<>();
        Http.get(url("/api/v1/rules")).json().path("data").path("groups").forEach(group -> group.path("rules").forEach(rule ->
                health.put(rule.path("name").asText(), rule.path("health").asText()
                        + (rule.path("lastError").asText().isEmpty() ? "" : ": " + rule.path("lastError").asText()))));
        return health;
    }

    /** Result array of an instant query (empty when the expression has no data). */
    JsonNode query(String promql) {
        Http.Response response = Http.get(url("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
        JsonNode body = response.json();
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("query failed: " + promql + " -> " + response.body());
        }
        return body.path("data").path("result");
    }

    /** Every metric name the scraped targets expose now. */
    List<String> metricNames() {
        return DeployFiles.stream(Http.get(url("/api/v1/label/__name__/values")).json().path("data"))
                .map(JsonNode::asText).toList();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("prometheus.log"));
            return "---- prometheus.log\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no prometheus log: " + e + ")";
        }
    }
}
