package io.signaldesk.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service (its quarkus-run.jar) run as a separate JVM process on a loopback port. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String module;
    private final String label;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;
    private int starts;

    ServiceProcess(String module, int port, Map<String, String> env, Path logDir) {
        this(module, module, port, env, logDir);
    }

    /** {@code label} names the log and the messages when one module runs twice. */
    ServiceProcess(String module, String label, int port, Map<String, String> env, Path logDir) {
        this.module = module;
        this.label = label;
        this.port = port;
        this.env = Map.copyOf(env);
        this.log = logDir.resolve(label + ".log");
    }

    /** A free loopback port never handed out before in this JVM (ITs run two at a time), as the broker's are. */
    static int freePort() {
        return io.signaldesk.kafka.test.KafkaBroker.freePort();
    }

    /** The module's packaged jar; -Dsignaldesk.apps points at another checkout's modules (default: this one). */
    static Path jar(String module) {
        String apps = System.getProperty("signaldesk.apps");
        Path base = apps != null ? Path.of(apps) : DeployFiles.root();
        return base.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String name() {
        return label;
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void start() throws IOException {
        Path jar = jar(module);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -B -DskipTests package)");
        }
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // each start appends to the same log so a restart keeps the history
        Files.writeString(log, "==== start " + (++starts) + " at " + Instant.now() + " on :" + port + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        Process started = process;
        // if the test JVM itself is stopped (failsafe timeout, Ctrl-C), take the service down with it
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    }

    /** Polls /q/health/ready until it answers 200; fails early when the process dies. */
    void awaitReady(Duration timeout) throws InterruptedException {
        await("/q/health/ready", timeout);
    }

    /** Polls {@code path} until it answers 200; fails early when the process dies. */
    void await(String path, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(label + " exited with " + process.exitValue() + "\n" + logTail(60));
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(label + " " + path + " not 200 after " + timeout + ": " + last + "\n" + logTail(60));
    }

    /** SIGKILL, as kill -9: no shutdown hooks, no flush. */
    void kill9() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    void stop() throws InterruptedException {
        askToStop();
        awaitStopped();
    }

    /** SIGTERM: the service shuts down gracefully; {@link #awaitStopped()} waits for it. */
    void askToStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits up to 20 s for a stop asked for, then kills it. */
    void awaitStopped() throws InterruptedException {
        if (process != null && !process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(log);
            return "---- " + log + " (last " + lines + " lines)\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
