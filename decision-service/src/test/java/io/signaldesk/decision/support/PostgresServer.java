package io.signaldesk.decision.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server (Debian's {@code postgresql} package) for the tests that run the ledger on it: one per
 * test JVM, in a temporary directory, listening on a free loopback port, with password authentication; each test
 * takes a fresh database from {@link #newDatabase}. initdb refuses root, so as root it runs as the
 * {@code postgres} user the package creates. Stopped when the JVM exits.
 *
 * <p>{@link Available} skips a test class with one printed line when the server programs are missing, unless
 * {@code CI} is set (then the class runs and fails: .ci/run installs postgresql).
 */
public final class PostgresServer {

    public static final String INSTALL = "postgresql (apt-get install postgresql; the tests start their own server)";
    public static final String USER = "signal";
    public static final String PASSWORD = "signal-test";

    private static PostgresServer instance;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgresUser;
    private Process server;

    /** System property naming the running server's port: Quarkus loads this class again for each app it starts. */
    private static final String PORT_PROPERTY = "signaldesk.test.postgres.port";

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
        this.dir = dir;
        this.port = port;
    }

    /** The directory holding initdb, pg_ctl and postgres, newest version first; empty when not installed. */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing(PostgresServer::version).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(d -> !d.isBlank()).map(Path::of)
                .forEach(candidates::add);
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("postgres")))
                .findFirst();
    }

    /** The running server, started on first use. */
    public static PostgresServer get() {
        synchronized (System.getProperties()) {
            if (instance == null) {
                Path bin = binaries().orElseThrow(() -> new IllegalStateException("install " + INSTALL));
                String running = System.getProperty(PORT_PROPERTY);
                if (running != null) {
                    instance = new PostgresServer(bin, null, Integer.parseInt(running));
                } else {
                    try {
                        PostgresServer server = new PostgresServer(bin, Files.createTempDirectory("signal-desk-pg-"),
                                freePort());
                        server.start();
                        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-stop"));
                        System.setProperty(PORT_PROPERTY, Integer.toString(server.port));
                        instance = server;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return instance;
        }
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + System.nanoTime();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    private void start() throws IOException {
        Path data = dir.resolve("data");
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n");
        if (asPostgresUser) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(pwfile, postgres);
        }
        run(Duration.ofMinutes(2), bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C");
        List<String> command = command(bin.resolve("postgres").toString(), "-D", data.toString(), "-p",
                Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + dir,
                "-c", "max_connections=60", "-c", "fsync=on");
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile())
                .start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try (Connection c = connect("postgres")) {
                return;
            } catch (SQLException e) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not start; its log: "
                            + Files.readString(dir.resolve("server.log")), e);
                }
                sleep(200);
            }
        }
    }

    private void stop() {
        if (server != null && server.isAlive()) {
            try {
                run(Duration.ofSeconds(30), bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                        "stop", "-m", "fast");
            } catch (RuntimeException e) {
                server.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(args));
        return command;
    }

    private void run(Duration limit, String... args) {
        try {
            Process p = new ProcessBuilder(command(args)).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the class when PostgreSQL is installed or CI is set; otherwise skips it with one printed line. */
    public static class Available implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (binaries().isPresent() || System.getenv("CI") != null) {
                return ConditionEvaluationResult.enabled("PostgreSQL installed, or required by CI");
            }
            String line = "SKIP " + context.getRequiredTestClass().getSimpleName() + ": install " + INSTALL;
            System.out.println(line);
            return ConditionEvaluationResult.disabled(line);
        }
    }
}
