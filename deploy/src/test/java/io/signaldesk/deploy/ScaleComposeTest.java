package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docker-compose.scale.yml, the overlay for when one machine is not enough. */
class ScaleComposeTest {

    private final JsonNode base = DeployFiles.yaml(DeployFiles.deploy("docker-compose.yml")).path("services");
    private final JsonNode scale = DeployFiles.yaml(DeployFiles.deploy("docker-compose.scale.yml"));
    private final JsonNode services = scale.path("services");

    @Test
    void addsPostgresKafkaAndASecondAnalyzerWithItsOwnOllamaAndPointsTheDecisionServiceAtPostgres() {
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("postgres", "market-feed", "ai-analyzer", "decision", "kafka", "ollama-2",
                "ollama-2-pull", "ai-analyzer-2", "prometheus")), names);
        JsonNode decision = services.path("decision");
        assertEquals("jdbc:postgresql://postgres:5432/signal", decision.path("environment").path("DECISION_DB_URL").asText());
        assertEquals("signal", decision.path("environment").path("DECISION_DB_USER").asText());
        assertEquals(services.path("postgres").path("environment").path("POSTGRES_PASSWORD").asText(),
                decision.path("environment").path("DECISION_DB_PASSWORD").asText());
        assertEquals("service_healthy", decision.path("depends_on").path("postgres").path("condition").asText());
        assertTrue(services.path("postgres").path("image").asText().startsWith("postgres:15"));
        assertTrue(services.path("postgres").path("volumes").toString().contains("postgres-data:/var/lib/postgresql/data"));
    }

    @Test
    void onJvmImagesTheSecondAnalyzerIsTheSameJvmImageAsTheFirst() {
        JsonNode jvm = DeployFiles.yaml(DeployFiles.deploy("docker-compose.jvm.yml")).path("services").path("ai-analyzer");
        JsonNode second = DeployFiles.yaml(DeployFiles.deploy("docker-compose.scale.jvm.yml")).path("services");
        Set<String> names = new TreeSet<>();
        second.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("ai-analyzer-2"), names, "swaps the second analyzer's image only");
        assertEquals(jvm.path("build").path("dockerfile").asText(), second.path("ai-analyzer-2").path("build").path("dockerfile").asText());
        assertEquals(jvm.path("image").asText(), second.path("ai-analyzer-2").path("image").asText());
        assertEquals(jvm.path("mem_limit").asText(), second.path("ai-analyzer-2").path("mem_limit").asText());
    }

    @Test
    void everyServiceTalksOverKafkaOnceTheBrokerIsHealthy() {
        for (String service : List.of("market-feed", "ai-analyzer", "ai-analyzer-2", "decision")) {
            JsonNode env = services.path(service).path("environment");
            assertEquals("kafka", env.path("SIGNAL_TRANSPORT").asText(), service);
            assertEquals("kafka:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText(), service);
            assertEquals("service_healthy", services.path(service).path("depends_on").path("kafka").path("condition").asText(),
                    service);
        }
    }

    @Test
    void kafkaIsOneKraftNodeWithoutZookeeper() {
        JsonNode env = services.path("kafka").path("environment");
        assertTrue(services.path("kafka").path("image").asText().startsWith("apache/kafka:"));
        assertEquals("broker,controller", env.path("KAFKA_PROCESS_ROLES").asText());
        assertEquals("1@kafka:9093", env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
        assertTrue(env.path("KAFKA_ADVERTISED_LISTENERS").asText().contains("PLAINTEXT://kafka:9092"));
        assertEquals("1", env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asText());
        assertFalse(env.toString().toLowerCase().contains("zookeeper"));
    }

    @Test
    void eachAnalyzerHasItsOwnOllamaAndWaitsForItsModel() {
        JsonNode second = services.path("ai-analyzer-2");
        assertEquals("http://ollama-2:11434", second.path("environment").path("OLLAMA_BASE_URL").asText());
        assertNotEquals(base.path("ai-analyzer").path("environment").path("OLLAMA_BASE_URL").asText(),
                second.path("environment").path("OLLAMA_BASE_URL").asText());
        assertEquals("service_completed_successfully",
                second.path("depends_on").path("ollama-2-pull").path("condition").asText());
        assertEquals("http://ollama-2:11434", services.path("ollama-2-pull").path("environment").path("OLLAMA_HOST").asText());
        assertEquals(base.path("ai-analyzer").path("environment").path("OLLAMA_MODEL").asText(),
                second.path("environment").path("OLLAMA_MODEL").asText());
        assertTrue(services.path("ollama-2").path("volumes").toString().contains("ollama-models-2:/root/.ollama"),
                "its own model volume");
    }

    @Test
    void newPortsAreLoopbackOnlyAndLongRunningServicesHaveLimitsAndHealthchecks() {
        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(entry -> {
            entry.getValue().path("ports").forEach(port -> published.add(port.asText()));
            if (!base.has(entry.getKey())) {
                assertFalse(entry.getValue().path("mem_limit").asText().isBlank(), entry.getKey() + " has no mem_limit");
                if (!entry.getKey().endsWith("-pull")) {
                    assertFalse(entry.getValue().path("healthcheck").isMissingNode(), entry.getKey() + " has no healthcheck");
                }
            }
        });
        assertEquals(4, published.size(), published.toString());
        published.forEach(port -> assertTrue(port.startsWith("127.0.0.1:"), port + " is not loopback-only"));
    }

    @Test
    void prometheusScrapesBothAnalyzersAndOtherwiseAsTheBaseConfig() {
        JsonNode plain = DeployFiles.yaml(DeployFiles.deploy("prometheus/prometheus.yml"));
        JsonNode scaled = DeployFiles.yaml(DeployFiles.deploy("prometheus/prometheus.scale.yml"));
        assertTrue(services.path("prometheus").path("command").toString()
                .contains("--config.file=/etc/prometheus/prometheus.scale.yml"));
        assertEquals(plain.path("rule_files"), scaled.path("rule_files"));
        assertEquals(plain.path("scrape_configs").size(), scaled.path("scrape_configs").size());
        for (int i = 0; i < plain.path("scrape_configs").size(); i++) {
            JsonNode job = scaled.path("scrape_configs").path(i);
            if (job.path("job_name").asText().equals("ai-analyzer")) {
                assertEquals("[\"ai-analyzer:8082\",\"ai-analyzer-2:8082\"]",
                        job.path("static_configs").path(0).path("targets").toString());
            } else {
                assertEquals(plain.path("scrape_configs").path(i), job);
            }
        }
    }

    @Test
    void dockerComposeAcceptsTheOverlayOnTheNativeAndTheJvmFiles() {
        String compose = Tools.require("ScaleComposeTest.dockerComposeAcceptsTheOverlayOnTheNativeAndTheJvmFiles",
                "docker-compose", "docker-compose (apt-get install docker-compose; brew install docker-compose)").toString();
        Tools.Result plain = Tools.run(DeployFiles.root(), List.of(compose, "-f", "deploy/docker-compose.yml",
                "-f", "deploy/docker-compose.scale.yml", "config", "-q"));
        Tools.Result jvm = Tools.run(DeployFiles.root(), List.of(compose, "-f", "deploy/docker-compose.yml",
                "-f", "deploy/docker-compose.jvm.yml", "-f", "deploy/docker-compose.scale.yml", "config", "-q"));
        assertAll(() -> assertEquals(0, plain.exitCode(), plain.output()),
                () -> assertEquals(0, jvm.exitCode(), jvm.output()));
    }

    @Test
    void promtoolAcceptsTheScaledConfig() {
        String promtool = Tools.require("ScaleComposeTest.promtoolAcceptsTheScaledConfig", "promtool",
                "promtool (apt-get install prometheus; brew install prometheus)").toString();
        Tools.Result result = Tools.run(DeployFiles.deploy("prometheus"),
                List.of(promtool, "check", "config", "prometheus.scale.yml"));
        assertEquals(0, result.exitCode(), result.output());
    }
}
