package io.signaldesk.decision.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Test profiles; each restarts the app, so tests are grouped by them. */
public final class Profiles {

    /** The database file both restart test classes share. */
    public static final String RESTART_DB = "target/test-db/restart.db";

    private Profiles() {
    }

    /**
     * API key set, one-second proposal TTL, the analyzer's timeout at 1.5 s (AnalyzerFailureTest's slow stub takes
     * 4 s), and an app instance of its own, so the analyzer circuit breaker the failure tests open does not leak into
     * other tests.
     */
    public static class Hardened implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("signal.api-key", "test-key", "decision.proposal-ttl", "1s",
                    "quarkus.fault-tolerance.\"io.signaldesk.decision.adapter.analyzer.AnalyzerGuard/call\".timeout.value", "1500");
        }
    }

    /**
     * First life of the app on {@link #RESTART_DB}; starts from an empty file. The ledger is on one pooled connection
     * and retried every 0.2 s: LedgerFaultTest shares this app (one start fewer), and a pragma it sets on that
     * connection (query_only: writes fail as on a read-only file) reaches every write the service makes.
     */
    public static class RestartFirstRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(Path.of(RESTART_DB).getParent());
                for (String suffix : new String[] { "", "-wal", "-shm" }) {
                    Files.deleteIfExists(Path.of(RESTART_DB + suffix));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("decision.db.path", RESTART_DB, "quarkus.datasource.jdbc.max-size", "1",
                    "quarkus.datasource.jdbc.min-size", "1", "decision.db.retry-every", "0.2s");
        }
    }

    /** Second life of the app on the same file. */
    public static class RestartSecondRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("decision.db.path", RESTART_DB);
        }
    }

    /**
     * The ledger on a fresh database of the test PostgreSQL server (decision.db.url as DECISION_DB_URL sets it).
     * Quarkus reads these overrides while it discovers the tests, before {@link PostgresServer.Available} skips a
     * class: without PostgreSQL (and without CI) they are empty, so discovery goes on and the class is skipped.
     */
    public static class Postgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (PostgresServer.binaries().isEmpty() && System.getenv("CI") == null) {
                return Map.of();
            }
            return Map.of("decision.db.url", PostgresServer.get().newDatabase("ledger"),
                    "decision.db.user", PostgresServer.USER, "decision.db.password", PostgresServer.PASSWORD);
        }
    }

    /**
     * The engine on, with its time-based tick and analyzer polling an hour apart: any proposal a
     * test sees came from the feed-frame path, not from the scheduler. The rules' momentum threshold is 0.03 %, so
     * the six quiet minutes of ReplayParityTest's capture give decisions to compare (the test markets of
     * {@code Market} lean 0.45 % or 0.01 %, on either side of it, as of the default 0.2 %).
     */
    public static class EngineOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("decision.engine-enabled", "true", "decision.engine-tick-every", "1h",
                    "decision.analyzer-poll-every", "1h", "strategy.rules.momentum-pct", "0.03");
        }
    }

    /**
     * SIGNAL_TRANSPORT=kafka on one real broker, seeded as a running feed left it ({@link SeededKafka}), shared by
     * the Kafka tests (one broker and one app start for all of them): the feed's records are taken from the
     * simulator only and up to 10 minutes old (the seeded record was sent before the app started), and an analysis
     * question gets an 8 s deadline: room for the test, playing the analyzer group, to answer on a loaded machine.
     */
    public static class OnKafka implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SeededKafka.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("decision.feed.expected-source", "simulator", "decision.feed.kafka-max-age", "10m",
                    "decision.kafka-analysis.deadline", "8s");
        }
    }
}
