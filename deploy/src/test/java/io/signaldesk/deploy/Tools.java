package io.signaldesk.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
