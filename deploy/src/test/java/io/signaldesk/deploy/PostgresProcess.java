package io.signaldesk.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's PostgreSQL server (package {@code postgresql}) run from a temporary data directory on a loopback port
 * with password authentication. initdb refuses root, so as root every server program runs as the package's
 * {@code postgres} user.
 */
final class PostgresProcess {

    static final String USER = "signal";
    static final String PASSWORD = "signal-e2e";
    static final String INSTALL = "postgresql (apt-get install postgresql; the test starts its own server)";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser = "root".equals(System.getProperty("user.name"));

    PostgresProcess(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The server programs' folder (newest version), or: without CI a skip with one printed line; with CI a failure. */
    static Path require(String check) {
        Optional<Path> found = Optional.empty();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> b.getParent().getFileName().toString()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (found.isPresent()) {
            return found.get();
        }
        String line = check + ": install " + INSTALL;
        if (Tools.required()) {
            Assertions.fail("CI needs initdb and postgres for " + line);
        }
        System.out.println("SKIP " + line);
        return Assumptions.abort("SKIP " + line);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void start(String database) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n");
        if (asPostgresUser) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(pwfile, postgres);
        }
        run("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C");
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir, "start");
        Instant deadline = Instant.now().plusSeconds(60);
        while (!isReady()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL not ready on :" + port + "\n" + logTail());
            }
            Thread.sleep(300);
        }
        run("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, database);
    }

    void stop() {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "stop");
        } catch (RuntimeException | IOException | InterruptedException e) {
            System.err.println("could not stop PostgreSQL: " + e);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("server.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private boolean isReady() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command("pg_isready", "-h", "127.0.0.1", "-p", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(program, args)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PASSWORD);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(program + " failed: " + output);
        }
    }

    private List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }
}
