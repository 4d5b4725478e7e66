package io.signaldesk.analyzer.evaluate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.analyzer.config.SignalConfig;
import io.signaldesk.analyzer.rest.InvalidRequestException;

/**
 * The only files a caller may name: under {@code signal.data-dir} (env {@code SIGNAL_DATA_DIR}), by a relative
 * name (no absolute path, no {@code ..}, no control character, no link leading out), with a replay extension.
 */
@ApplicationScoped
public class DataDirectory {

    /** One replay of the data directory, as {@code GET /api/ai/evaluate/files} lists it. */
    @RegisterForReflection
    public record FileInfo(String name, long size, Instant modified) {
    }

    static final int MAX_NAME = 200;
    /** Most bytes read from a replay, after decompression (the bench sample is 5 MB). */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final List<String> EXTENSIONS = List.of(".jsonl", ".jsonl.gz");
    private static final int MAX_LISTED = 500;

    private final Path root;

    public DataDirectory(SignalConfig config) {
        this.root = Path.of(config.dataDir()).toAbsolutePath().normalize();
    }

    /** The real path of a readable replay file inside the data directory, or a 400 naming {@code field}. */
    public Path replay(String field, String name) {
        check(field, name);
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw new InvalidRequestException(field, field + " is not a valid file name");
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw new InvalidRequestException(field, field + " must not contain '..'");
            }
        }
        if (EXTENSIONS.stream().noneMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
            throw new InvalidRequestException(field, name + ": only .jsonl and .jsonl.gz recordings can be read");
        }
        Path real;
        try {
            real = root.resolve(relative).normalize().toRealPath();
        } catch (IOException e) {
            throw new InvalidRequestException(field, field + " " + name
                    + " is not a file of the data directory (GET /api/ai/evaluate/files lists them)");
        }
        if (!real.startsWith(realRoot(field))) {
            throw new InvalidRequestException(field, name + ": leads outside the data directory");
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw new InvalidRequestException(field, field + " " + name + " is not a readable file");
        }
        return real;
    }

    /** Replays up to 4 folders deep (at most 500), links leading out left out. */
    public List<FileInfo> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Path realRoot = realRoot("dataDir");
        List<FileInfo> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(realRoot, 4)) {
            walk.filter(p -> EXTENSIONS.stream().anyMatch(p.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().limit(MAX_LISTED)
                    .forEach(p -> {
                        try {
                            Path real = p.toRealPath();
                            if (real.startsWith(realRoot) && Files.isRegularFile(real)) {
                                files.add(new FileInfo(realRoot.relativize(p).toString(), Files.size(real),
                                        Files.getLastModifiedTime(real).toInstant()));
                            }
                        } catch (IOException e) {
                            // dangling link or removed meanwhile: not offered
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // an unreadable folder: list what was found
        }
        files.sort(Comparator.comparing(FileInfo::name));
        return files;
    }

    /** At most {@link #MAX_BYTES} of {@code in}; reading past them fails. */
    static InputStream capped(InputStream in) {
        return new FilterInputStream(in) {
            private long left = MAX_BYTES;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    if (super.read() >= 0) {
                        throw new IOException("larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                    }
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    private static void check(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException(field, field + " must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidRequestException(field, field + " is longer than " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            throw new InvalidRequestException(field, field + " contains a control character or a backslash");
        }
        if (name.startsWith("/") || name.startsWith("~") || name.matches("^[A-Za-z]:.*")) {
            throw new InvalidRequestException(field, field + " must be a name relative to the data directory, not an absolute path");
        }
    }

    private Path realRoot(String field) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new InvalidRequestException(field, "the data directory does not exist (set SIGNAL_DATA_DIR)");
        }
    }
}
