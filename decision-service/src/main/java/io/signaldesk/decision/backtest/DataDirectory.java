package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where the backtest may read candle files and write reports. The service is {@link #confined confined} to
 * {@code signal.data-dir} (env {@code SIGNAL_DATA_DIR}): a caller names a file relative to it, never an absolute
 * path, never {@code ..}, never through a link that leads out, and the answer names the file by that relative
 * name. The command line ({@link BacktestMain}) runs in the operator's own shell and keeps {@link #localShell
 * local paths}.
 */
public final class DataDirectory {

    /** One readable file of the data directory, as {@code GET /api/backtest/files} lists it. */
    @RegisterForReflection
    public record FileInfo(String name, long size, Instant modified) {
    }

    /** Longest relative name accepted. */
    public static final int MAX_NAME = 200;
    /** Largest candle file read (the five-week Q4 2024 files are about 3 MB each). */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final int MAX_LISTED = 500;
    private static final int MAX_DEPTH = 4;

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** Only files under {@code root}, by relative name. */
    public static DataDirectory confined(Path root) {
        return new DataDirectory(root.toAbsolutePath().normalize());
    }

    /** Any local path, as the operator typed it (command line only). */
    public static DataDirectory localShell() {
        return new DataDirectory(null);
    }

    public boolean isConfined() {
        return root != null;
    }

    /** A readable regular file with the given extension, or a 400 naming {@code field}. */
    public Path file(String field, String name, String extension) {
        if (root == null) {
            return local(field, name);
        }
        Path candidate = resolve(field, name);
        if (!name.toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new BacktestInputException(field, "%s: only %s files can be read".formatted(name, extension));
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new BacktestInputException(field, name + ": no such file in the data directory (GET /api/backtest/files lists them)");
        }
        if (!real.startsWith(realRoot(field))) {
            throw new BacktestInputException(field, name + ": leads outside the data directory");
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw new BacktestInputException(field, name + ": not a readable file");
        }
        return real;
    }

    /** A folder for reports (created), inside the data directory when confined. */
    public Path folder(String field, String name) {
        if (root == null) {
            return local(field, name);
        }
        Path candidate = resolve(field, name);
        try {
            Files.createDirectories(candidate);
            if (!candidate.toRealPath().startsWith(realRoot(field))) {
                throw new BacktestInputException(field, name + ": leads outside the data directory");
            }
        } catch (IOException e) {
            throw new BacktestInputException(field, name + ": cannot create this folder in the data directory");
        }
        return candidate;
    }

    /** How an answer names a file: relative to the data directory when confined, absolute otherwise. */
    public String display(Path path) {
        if (root == null) {
            return path.toAbsolutePath().toString();
        }
        try {
            return realRoot("file").relativize(path.toRealPath()).toString();
        } catch (IOException e) {
            return root.relativize(path.toAbsolutePath().normalize()).toString();
        }
    }

    /** Readable files with the extension, up to 4 folders deep and 500 files, links leading out left out. */
    public List<FileInfo> list(String extension) {
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        Path realRoot = realRoot("dataDir");
        List<FileInfo> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(realRoot, MAX_DEPTH, new FileVisitOption[0])) {
            walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(p -> {
                        if (files.size() >= MAX_LISTED) {
                            return;
                        }
                        try {
                            Path real = p.toRealPath();
                            if (real.startsWith(realRoot) && Files.isRegularFile(real) && Files.isReadable(real)) {
                                files.add(new FileInfo(realRoot.relativize(p).toString(), Files.size(real),
                                        Files.getLastModifiedTime(real).toInstant()));
                            }
                        } catch (IOException e) {
                            // a dangling link or a file removed while listing: not offered
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // an unreadable folder: list what was found
        }
        files.sort(Comparator.comparing(FileInfo::name));
        return files;
    }

    /** Opens at most {@link #MAX_FILE_BYTES} of a file; reading past it fails with "larger than". */
    public static InputStream open(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
        }
        return new CappedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), MAX_FILE_BYTES);
    }

    private Path resolve(String field, String name) {
        checkName(field, name);
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw new BacktestInputException(field, field + " is not a valid file name");
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw new BacktestInputException(field, field + " must be a name relative to the data directory, not an absolute path");
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw new BacktestInputException(field, field + " must not contain '..'");
            }
        }
        return root.resolve(relative).normalize();
    }

    /** Relative names: 1-200 characters, no control characters, no backslash, not absolute, no '..'. */
    static void checkName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new BacktestInputException(field, field + " is required");
        }
        if (name.length() > MAX_NAME) {
            throw new BacktestInputException(field, field + " is longer than " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            throw new BacktestInputException(field, field + " contains a control character or a backslash");
        }
        if (name.startsWith("/") || name.startsWith("~") || name.matches("^[A-Za-z]:.*")) {
            throw new BacktestInputException(field, field + " must be a name relative to the data directory, not an absolute path");
        }
    }

    private Path realRoot(String field) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new BacktestInputException(field, "the data directory does not exist (set SIGNAL_DATA_DIR)");
        }
    }

    private static Path local(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new BacktestInputException(field, field + " is required");
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new BacktestInputException(field, field + " is not a valid path");
        }
    }

    /** Stops reading after {@code cap} bytes, so a file that grows or lies about its size stays bounded. */
    private static final class CappedInputStream extends java.io.FilterInputStream {
        private long left;

        CappedInputStream(InputStream in, long cap) {
            super(in);
            this.left = cap;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return end();
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return end();
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        private int end() throws IOException {
            if (super.read() >= 0) {
                throw new IOException("larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
            }
            return -1;
        }
    }
}
