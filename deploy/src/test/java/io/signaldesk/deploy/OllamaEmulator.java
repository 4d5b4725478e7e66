package io.signaldesk.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Ollama emulator of ../shared/ollama-emulator (Node.js) as a process on a loopback port: Ollama's API with the
 * time a real Ollama takes on the chosen Mac profile, one request at a time. Absent (no node, or no shared folder
 * beside the checkout), {@link #available()} says so and the caller uses {@link OllamaStub} instead.
 */
final class OllamaEmulator {

    private final Path script;
    private final Path node;
    private final int port;
    private final String profile;
    private final Path stateDir;
    private Process process;

    private OllamaEmulator(Path script, Path node, int port, String profile, Path stateDir) {
        this.script = script;
        this.node = node;
        this.port = port;
        this.profile = profile;
        this.stateDir = stateDir;
    }

    /** The emulator script beside the checkout, if it and node are there. */
    static Optional<OllamaEmulator> available(int port, String profile, Path stateDir) {
        Path script = DeployFiles.root().resolve("../shared/ollama-emulator/emulator.js").normalize();
        Optional<Path> node = Tools.find("node");
        if (!Files.isRegularFile(script) || node.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OllamaEmulator(script, node.get(), port, profile, stateDir));
    }

    void start() throws IOException, InterruptedException {
        Files.createDirectories(stateDir);
        process = new ProcessBuilder(List.of(node.toString(), script.toString(), "--port", Integer.toString(port),
                "--profile", profile, "--state-dir", stateDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("emulator.log").toFile()))
                .start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Http.get(baseUrl() + "/api/version").status() != 200) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Ollama emulator not answering on " + baseUrl() + ": "
                        + Files.readString(stateDir.resolve("emulator.log")));
            }
            Thread.sleep(200);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Model calls it answered, from its request log. */
    long chatCalls() throws IOException {
        Path log = stateDir.resolve("requests.jsonl");
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("\"outputTokens\"")).count();
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
