package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    private static final Map<String, String> SERVICE_MODULES = Map.of(
            "market-feed", "market-feed-service",
            "ai-analyzer", "ai-analyzer-service",
            "decision", "decision-service");

    private final JsonNode compose = DeployFiles.yaml(DeployFiles.deploy("docker-compose.yml"));
    private final JsonNode services = compose.path("services");

    @Test
    void declaresOllamaTheModelPullTheThreeServicesPrometheusAndGrafana() {
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("ollama", "ollama-pull", "market-feed", "ai-analyzer", "decision",
                "prometheus", "grafana")), names);
    }

    @Test
    void ollamaUsesTheOfficialImageANamedModelVolumeAHealthcheckAndKeepAlive() {
        JsonNode ollama = services.path("ollama");
        assertTrue(ollama.path("image").asText().startsWith("ollama/ollama"), "official image");
        assertTrue(namedVolumeTargets(ollama).contains("/root/.ollama"), "models on a named volume");
        assertFalse(ollama.path("healthcheck").path("test").isMissingNode(), "healthcheck");
        assertFalse(ollama.path("environment").path("OLLAMA_KEEP_ALIVE").asText().isBlank(), "OLLAMA_KEEP_ALIVE");
        assertEquals(List.of("127.0.0.1:11434:11434"), ports(ollama));
    }

    @Test
    void theAnalyzerWaitsForTheModelPullToCompleteAndThePullNamesTheConfiguredModel() {
        JsonNode pull = services.path("ollama-pull");
        assertEquals("service_completed_successfully",
                services.path("ai-analyzer").path("depends_on").path("ollama-pull").path("condition").asText());
        assertEquals("service_healthy", pull.path("depends_on").path("ollama").path("condition").asText());
        assertTrue(pull.path("command").toString().contains("${OLLAMA_MODEL:-llama3.2:3b}"), pull.toString());
        assertEquals("${OLLAMA_MODEL:-llama3.2:3b}",
                services.path("ai-analyzer").path("environment").path("OLLAMA_MODEL").asText());
    }

    @Test
    void eachServiceIsBuiltFromItsNativeDockerfileAtTheRepositoryRootAndChecksReadiness() {
        SERVICE_MODULES.forEach((service, module) -> {
            JsonNode node = services.path(service);
            String dockerfile = node.path("build").path("dockerfile").asText();
            assertAll(service,
                    () -> assertEquals("..", node.path("build").path("context").asText()),
                    () -> assertEquals("deploy/" + module + "/Dockerfile.native", dockerfile),
                    () -> assertTrue(Files.isRegularFile(DeployFiles.root().resolve(dockerfile))),
                    () -> assertTrue(Files.isRegularFile(DeployFiles.deploy(module + "/Dockerfile.jvm"))),
                    () -> assertTrue(node.path("healthcheck").path("test").toString().contains("/q/health/ready")),
                    () -> assertTrue(node.path("healthcheck").path("test").toString()
                            .contains("\"" + containerPort(node) + "\""), "healthcheck asks the port the service listens on"),
                    () -> assertEquals("on-failure", node.path("restart").asText()));
        });
    }

    @Test
    void nativeDockerfilesBuildSourcesThenCompileWithMandrelThenRunAsNonRootOnTheMicroImage() throws Exception {
        for (String module : SERVICE_MODULES.values()) {
            String dockerfile = Files.readString(DeployFiles.deploy(module + "/Dockerfile.native"));
            assertAll(module,
                    () -> assertTrue(dockerfile.contains("-Dnative -Dquarkus.native.sources-only=true")),
                    () -> assertTrue(dockerfile.contains("-pl " + module + " ")),
                    () -> assertTrue(dockerfile.contains("ARG MANDREL_IMAGE=quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:")),
                    () -> assertTrue(dockerfile.contains("FROM ${MANDREL_IMAGE} AS native")),
                    () -> assertTrue(dockerfile.contains("native-image $(cat native-image.args)")),
                    () -> assertTrue(dockerfile.contains("ARG RUNTIME_IMAGE=quay.io/quarkus/ubi9-quarkus-micro-image:")),
                    () -> assertTrue(dockerfile.contains("FROM ${RUNTIME_IMAGE}\n")),
                    () -> assertTrue(dockerfile.contains("USER 1001")));
        }
    }

    @Test
    void everyPublishedPortIsBoundToLoopback() {
        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(entry -> published.addAll(ports(entry.getValue())));
        assertEquals(6, published.size(), published.toString());
        published.forEach(port -> assertTrue(port.startsWith("127.0.0.1:"), port + " is not loopback-only"));
    }

    @Test
    void everyLongRunningServiceHasAMemoryLimitAndAHealthcheck() {
        services.fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            assertFalse(service.path("mem_limit").asText().isBlank(), entry.getKey() + " has no mem_limit");
            if (!entry.getKey().equals("ollama-pull")) {
                assertFalse(service.path("healthcheck").isMissingNode(), entry.getKey() + " has no healthcheck");
            }
        });
    }

    @Test
    void theDecisionDatabaseLivesOnANamedVolumeTheServiceIsPointedAt() {
        JsonNode decision = services.path("decision");
        assertTrue(namedVolumeTargets(decision).contains("/work/data"));
        assertTrue(decision.path("environment").path("DECISION_DB_PATH").asText().startsWith("/work/data/"));
        assertTrue(compose.path("volumes").has("decision-data"));
    }

    @Test
    void servicesFindEachOtherThroughDocumentedVariablesOnly() {
        JsonNode analyzer = services.path("ai-analyzer").path("environment");
        JsonNode decision = services.path("decision").path("environment");
        assertEquals("http://ollama:11434", analyzer.path("OLLAMA_BASE_URL").asText());
        assertEquals("http://market-feed:8081", analyzer.path("QUARKUS_REST_CLIENT_MARKET_FEED_URL").asText());
        assertEquals("ws://market-feed:8081/ws/market", decision.path("DECISION_FEED_URL").asText());
        assertEquals("http://ai-analyzer:8082", decision.path("QUARKUS_REST_CLIENT_AI_ANALYZER_URL").asText());
    }

    @Test
    void grafanaAllowsAnonymousViewersOnlyAndMountsTheProvisionedFiles() {
        JsonNode grafana = services.path("grafana");
        assertEquals("true", grafana.path("environment").path("GF_AUTH_ANONYMOUS_ENABLED").asText());
        assertEquals("Viewer", grafana.path("environment").path("GF_AUTH_ANONYMOUS_ORG_ROLE").asText());
        String volumes = grafana.path("volumes").toString();
        assertTrue(volumes.contains("./grafana/provisioning:/etc/grafana/provisioning"), volumes);
        assertTrue(volumes.contains("./grafana/dashboards:/etc/grafana/dashboards"), volumes);
    }

    @Test
    void theJvmOverrideSwapsOnlyTheDockerfilesOfTheThreeServices() {
        JsonNode jvm = DeployFiles.yaml(DeployFiles.deploy("docker-compose.jvm.yml")).path("services");
        SERVICE_MODULES.forEach((service, module) -> assertEquals("deploy/" + module + "/Dockerfile.jvm",
                jvm.path(service).path("build").path("dockerfile").asText()));
        assertEquals(3, jvm.size());
    }

    @Test
    void dockerComposeAcceptsTheFileAndTheJvmOverride() {
        String compose = Tools.require("ComposeFileTest.dockerComposeAcceptsTheFileAndTheJvmOverride", "docker-compose",
                "docker-compose (apt-get install docker-compose; brew install docker-compose)").toString();
        Tools.Result plain = Tools.run(DeployFiles.root(),
                List.of(compose, "-f", "deploy/docker-compose.yml", "config", "-q"));
        assertEquals(0, plain.exitCode(), plain.output());
        Tools.Result jvm = Tools.run(DeployFiles.root(), List.of(compose, "-f", "deploy/docker-compose.yml",
                "-f", "deploy/docker-compose.jvm.yml", "config", "-q"));
        assertEquals(0, jvm.exitCode(), jvm.output());
    }

    /**
     * The launch settings are written once, in deploy/jvm.conf (run-local.sh sources it, bench/ reads it): each JVM
     * image's JAVA_OPTS are its JVM_BOUNDS and the service's heap, with its MALLOC_ARENA_MAX, and each native image
     * starts with the same heap.
     */
    @Test
    void theDockerfilesStartEachServiceWithTheLaunchSettingsOfJvmConf() throws Exception {
        Map<String, String> conf = new java.util.HashMap<>();
        for (String line : Files.readAllLines(DeployFiles.deploy("jvm.conf"))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Z_]+)=\"?(.*?)\"?$").matcher(line.strip());
            if (m.matches()) {
                conf.put(m.group(1), m.group(2));
            }
        }
        Map<String, String> heaps = Map.of("market-feed-service", conf.get("FEED_HEAP"),
                "ai-analyzer-service", conf.get("ANALYZER_HEAP"), "decision-service", conf.get("DECISION_HEAP"));
        assertAll(heaps.entrySet().stream().map(entry -> () -> {
            String jvm = Files.readString(DeployFiles.deploy(entry.getKey() + "/Dockerfile.jvm"));
            String expected = "JAVA_OPTS=\"-Xmx" + entry.getValue() + " " + conf.get("JVM_BOUNDS") + " ";
            assertTrue(jvm.contains(expected), entry.getKey() + "/Dockerfile.jvm sets " + expected);
            assertTrue(jvm.contains("MALLOC_ARENA_MAX=" + conf.get("MALLOC_ARENAS") + " "),
                    entry.getKey() + "/Dockerfile.jvm sets MALLOC_ARENA_MAX=" + conf.get("MALLOC_ARENAS"));
            String nativeImage = Files.readString(DeployFiles.deploy(entry.getKey() + "/Dockerfile.native"));
            assertTrue(nativeImage.contains("\"-Xmx" + entry.getValue() + "\""),
                    entry.getKey() + "/Dockerfile.native starts with -Xmx" + entry.getValue());
        }));
    }

    /** "127.0.0.1:8081:8081" -> "8081" */
    private static String containerPort(JsonNode service) {
        String[] parts = service.path("ports").path(0).asText().split(":");
        return parts[parts.length - 1];
    }

    private static List<String> ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        service.path("ports").forEach(port -> ports.add(port.asText()));
        return ports;
    }

    /** Container paths of volumes whose source is a named volume (not a ./ bind mount). */
    private static List<String> namedVolumeTargets(JsonNode service) {
        List<String> targets = new ArrayList<>();
        service.path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && !parts[0].startsWith(".") && !parts[0].startsWith("/")) {
                targets.add(parts[1]);
            }
        });
        return targets;
    }
}
