package io.signaldesk.decision.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * An outside program a test needs. Without CI a missing one skips the test with one printed line saying
 * what to install (the README's test command works with Java alone); with CI set it fails (.ci/run
 * installs every tool).
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /** The first executable among the candidates (absolute paths or names looked up on the PATH). */
    public static Path require(String test, String install, String... candidates) {
        Optional<Path> found = Stream.of(candidates).map(RequiredTool::find).flatMap(Optional::stream).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String line = test + ": install " + install;
        if (System.getenv("CI") != null) {
            Assertions.fail("CI needs " + String.join(" or ", candidates) + " for " + line);
        }
        System.out.println("SKIP " + line);
        return Assumptions.abort("SKIP " + line);
    }

    private static Optional<Path> find(String candidate) {
        if (candidate.contains("/")) {
            return Optional.of(Path.of(candidate)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, candidate))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
