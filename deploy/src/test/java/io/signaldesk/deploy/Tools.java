package io.signaldesk.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Runs the command-line tools the deploy checks lean on (promtool, docker-compose). */
final class Tools {

    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    /** Whether CI demands the tool (CI installs it in .ci/run) rather than skipping when it is missing. */
    static boolean required() {
        return System.getenv("CI") != null;
    }

    /**
     * The path of an installed tool, or: without CI a skipped check and one printed line saying what to
     * install; with CI a failure (CI installs every tool in .ci/run).
     */
    static Path require(String check, String tool, String install) {
        Optional<Path> found = find(tool);
        if (found.isPresent()) {
            return found.get();
        }
        String line = check + ": install " + install;
        if (required()) {
            Assertions.fail("CI needs " + tool + " for " + line);
        }
        System.out.println("SKIP " + line);
        return Assumptions.abort("SKIP " + line);
    }

    /** The tool on the PATH, else in /usr/bin (Debian's packages) or /usr/local/bin (Homebrew). */
    static Optional<Path> find(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Result run(Path workDir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output + "\n(timed out)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
