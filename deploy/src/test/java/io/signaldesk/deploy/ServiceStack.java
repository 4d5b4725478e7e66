package io.signaldesk.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.signaldesk.kafka.test.KafkaBroker;

/**
 * What a process-level IT runs, in one place: a fresh work directory, the real broker and PostgreSQL (a SKIP line
 * without them, a failure under CI), the packaged services as processes on free loopback ports with their
 * environment, waiting for their health, and at the end everything stopped in reverse order. One per test class:
 * made in {@code @BeforeAll}, closed in {@code @AfterAll}.
 *
 * <pre>
 * stack = ServiceStack.create("MyIT", "target/e2e-my");
 * feed = stack.feed(ServiceStack.replayFeed(captures, "binance-capture", 0));
 * stack.startAll(feed);
 * decision = stack.decision(ServiceStack.env(ServiceStack.feedSocket(feed), ServiceStack.looseRules()));
 * stack.startAll(decision);
 * </pre>
 */
final class ServiceStack implements AutoCloseable {

    static final Duration START = Duration.ofMinutes(3);

    /** Something to stop when the stack closes (a stub, an emulator, Prometheus). */
    interface Stoppable {
        void stop() throws Exception;
    }

    private final String check;
    private final Path workDir;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Deque<Stoppable> others = new ArrayDeque<>();
    private KafkaBroker broker;
    private volatile PostgresProcess postgres;
    /** PostgreSQL being started in the background, if it is ({@link #postgresLedgerEnvStarting()}). */
    private volatile CompletableFuture<?> starting;

    private ServiceStack(String check, Path workDir) {
        this.check = check;
        this.workDir = workDir;
    }

    /** A stack for the named check in deploy/{@code dir}, emptied first (logs of the last run are replaced). */
    static ServiceStack create(String check, String dir) throws IOException {
        Path workDir = DeployFiles.deploy(dir);
        if (Files.exists(workDir)) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(workDir);
        return new ServiceStack(check, workDir);
    }

    Path workDir() {
        return workDir;
    }

    /** The real one-node KRaft broker, started (or the check skipped/failed without its jars). */
    KafkaBroker kafka() {
        if (broker == null) {
            broker = KafkaBroker.require(check);
            broker.start();
        }
        return broker;
    }

    /** A PostgreSQL server of its own with {@code database} made (or the check skipped/failed without it). */
    PostgresProcess postgres(String database) throws IOException, InterruptedException {
        if (postgres == null) {
            Path bin = PostgresProcess.require(check);
            postgres = new PostgresProcess(bin, workDir.resolve("postgres"), ServiceProcess.freePort());
            postgres.start(database);
        }
        return postgres;
    }

    /** SIGNAL_TRANSPORT=kafka on this stack's broker. */
    Map<String, String> kafkaEnv() {
        return Map.of("SIGNAL_TRANSPORT", "kafka", "KAFKA_BOOTSTRAP_SERVERS", kafka().bootstrapServers());
    }

    /** The decision ledger on this stack's PostgreSQL (database "ledger"). */
    Map<String, String> postgresLedgerEnv() throws IOException, InterruptedException {
        PostgresProcess server = postgres("ledger");
        return Map.of("DECISION_DB_URL", server.jdbcUrl("ledger"), "DECISION_DB_USER", PostgresProcess.USER,
                "DECISION_DB_PASSWORD", PostgresProcess.PASSWORD);
    }

    /**
     * As {@link #postgresLedgerEnv()}, but PostgreSQL is made and started in the background (initdb, the server, the
     * database: 3-10 s) while the caller starts the broker and the feed, which do not need it; {@code get()} waits for it.
     * Without PostgreSQL the check is skipped (or fails under CI) at once, not in the background.
     */
    Supplier<Map<String, String>> postgresLedgerEnvStarting() {
        PostgresProcess.require(check);
        CompletableFuture<Map<String, String>> env = CompletableFuture.supplyAsync(() -> {
            try {
                return postgresLedgerEnv();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        starting = env;
        return () -> {
            try {
                return env.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        };
    }

    /** The decision ledger in a SQLite file of the work directory. */
    Map<String, String> sqliteLedgerEnv(String file) {
        return Map.of("DECISION_DB_PATH", workDir.resolve(file).toString());
    }

    /** A packaged service on a free port, not started yet; {@code label} names its log when a module runs twice. */
    ServiceProcess service(String module, String label, Map<String, String> env) {
        ServiceProcess service = new ServiceProcess(module, label, ServiceProcess.freePort(), env, workDir);
        services.add(service);
        return service;
    }

    ServiceProcess feed(Map<String, String> env) {
        return service("market-feed-service", "market-feed-service", env);
    }

    ServiceProcess analyzer(String label, Map<String, String> env) {
        return service("ai-analyzer-service", label, env);
    }

    ServiceProcess decision(Map<String, String> env) {
        return decision("decision-service", env);
    }

    ServiceProcess decision(String label, Map<String, String> env) {
        return service("decision-service", label, env);
    }

    /** Starts them all at once (they boot in parallel), then waits until each one's /q/health/ready is 200. */
    void startAll(ServiceProcess... toStart) throws IOException, InterruptedException {
        for (ServiceProcess service : toStart) {
            service.start();
        }
        for (ServiceProcess service : toStart) {
            service.awaitReady(START);
        }
    }

    /** Stopped when the stack closes, before the broker and PostgreSQL, after the services. */
    <T> T stopAtClose(T thing, Stoppable stop) {
        others.push(stop);
        return thing;
    }

    /** Polls {@code probe} every half second until it has a value; fails after {@code timeout} with the logs. */
    <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return await(what, timeout, probe, () -> "");
    }

    /** As {@link #await(String, Duration, Supplier)}; on failure the message starts with {@code why}'s account. */
    <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> why) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("no " + what + " within " + timeout + "\n" + why.get() + "\n" + logTails(40));
    }

    /** The last lines of every service's log (and the broker's), for a failure message. */
    String logTails(int lines) {
        String tails = services.stream().map(s -> s.logTail(lines)).collect(Collectors.joining("\n"));
        return broker == null ? tails : tails + "\n---- kafka\n" + broker.logTail();
    }

    /** Services (all stopped at once), then the rest in reverse order, then the broker and PostgreSQL. */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        // all asked at once, then waited for: a Kafka consumer's leave or a venue socket's close takes 4-10 s each
        reversed.forEach(ServiceProcess::askToStop);
        for (ServiceProcess service : reversed) {
            quietly(service::awaitStopped);
        }
        while (!others.isEmpty()) {
            quietly(others.pop());
        }
        if (broker != null) {
            quietly(broker::close);
        }
        CompletableFuture<?> background = starting;
        if (background != null) {
            background.handle((env, failure) -> null).join(); // not stopped before it finished starting
        }
        if (postgres != null) {
            quietly(postgres::stop);
        }
    }

    private static void quietly(Stoppable stop) {
        try {
            stop.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("could not stop: " + e);
        }
    }

    // ---- environments

    /** The maps merged in order, later keys winning. */
    @SafeVarargs
    static Map<String, String> env(Map<String, String>... parts) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> part : parts) {
            merged.putAll(part);
        }
        return merged;
    }

    static Map<String, String> simulatorFeed() {
        return Map.of("FEED_SOURCE", "simulator");
    }

    /**
     * The feed replaying files (absolute paths, one session) in {@code format} ("events" or "binance-capture") at
     * {@code speed} (1 real time, 0 as fast as it can) for the given coins.
     */
    static Map<String, String> replayFeed(List<Path> files, String format, double speed, String coins) {
        return Map.of("FEED_SOURCE", "replay",
                "FEED_REPLAY_FILE", files.stream().map(Path::toString).collect(Collectors.joining(",")),
                "FEED_REPLAY_FORMAT", format, "FEED_REPLAY_SPEED", Double.toString(speed), "FEED_COINS", coins);
    }

    /** The decision service reading this feed's /ws/market. */
    static Map<String, String> feedSocket(ServiceProcess feed) {
        return Map.of("DECISION_FEED_URL", "ws://127.0.0.1:" + feed.port() + "/ws/market");
    }

    /** The decision service asking this analyzer (or, with {@link #noAnalyzer()}, nobody). */
    static Map<String, String> analyzerUrl(ServiceProcess analyzer) {
        return Map.of("QUARKUS_REST_CLIENT_AI_ANALYZER_URL", "http://127.0.0.1:" + analyzer.port());
    }

    /** Rules only, the analyzer's URL a closed port. */
    static Map<String, String> noAnalyzer() {
        return Map.of("DECISION_DEFAULT_MODE", "RULES",
                "QUARKUS_REST_CLIENT_AI_ANALYZER_URL", "http://127.0.0.1:" + ServiceProcess.freePort());
    }

    /**
     * Loose rule thresholds and wide stop/target, so the simulator yields entry proposals within a minute and the
     * positions stay open; the entry cooldown as given. These tests need entries at once: the edge gate (which waits
     * for a measured edge) is off for them, explicitly.
     */
    static Map<String, String> looseRules(String entryCooldown) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STRATEGY_EDGE_MODE", "off");
        env.put("STRATEGY_RULES_MOMENTUM_PCT", "0.01");
        env.put("STRATEGY_RULES_BID_SHARE", "0.5");
        env.put("STRATEGY_RULES_FLOW_RATIO", "1.0");
        env.put("STRATEGY_ENTRY_COOLDOWN", entryCooldown);
        env.put("STRATEGY_EXIT_TAKE_PROFIT_PCT", "50");
        env.put("STRATEGY_EXIT_STOP_LOSS_PCT", "40");
        return env;
    }
}
