package io.signaldesk.common.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import io.signaldesk.common.error.BadInputException;

/**
 * The only files a caller may name: under {@code signal.data-dir} (env {@code SIGNAL_DATA_DIR}) when
 * {@link #confined confined}, by a relative name (no absolute path, no {@code ..}, no control character, no link
 * leading out) with one of the allowed extensions; answers name a file by that relative name. A command line run
 * in the operator's own shell keeps {@link #localShell local paths}. Refusals are a 400 naming the field.
 */
public final class DataDirectory {

    /** One readable file of the data directory, as the services' {@code GET .../files} list it. */
    @RegisterForReflection
    public record FileInfo(String name, long size, Instant modified) {
    }

    /** Longest relative name accepted. */
    public static final int MAX_NAME = 200;
    /**
     * The relative names {@link #checkName} and {@link #resolve} accept, for an OpenAPI document: not blank, not
     * absolute (/, ~, a drive letter), no '..' part, no control character or backslash, at most {@link #MAX_NAME}.
     */
    public static final String NAME_PATTERN = "^(?=.*\\S)(?![/~])(?![A-Za-z]:)(?!(?:.*/)?\\.\\.(?:/|$))[^\\x00-\\x1f\\x7f\\\\]{1,200}$";
    private static final int MAX_LISTED = 500;
    private static final int MAX_DEPTH = 4;

    private final Path root;
    private final String listing;

    private DataDirectory(Path root, String listing) {
        this.root = root;
        this.listing = listing;
    }

    /** Only files under {@code root}, by relative name; {@code listing} is the call that lists them ("GET /api/backtest/files"). */
    public static DataDirectory confined(Path root, String listing) {
        return new DataDirectory(root.toAbsolutePath().normalize(), listing);
    }

    /** Any local path, as the operator typed it (command line only). */
    public static DataDirectory localShell() {
        return new DataDirectory(null, null);
    }

    public boolean isConfined() {
        return root != null;
    }

    /** A readable regular file with one of the extensions (".csv"; ".jsonl", ".jsonl.gz"), or a 400 naming {@code field}. */
    public Path file(String field, String name, String... extensions) {
        if (root == null) {
            return local(field, name);
        }
        Path candidate = resolve(field, name);
        if (!hasExtension(name, extensions)) {
            throw new BadInputException(field, "%s: only %s files can be read".formatted(name, String.join(" and ", extensions)));
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(field, name + ": no such file in the data directory (" + listing + " lists them)");
        }
        if (!real.startsWith(realRoot(field))) {
            throw new BadInputException(field, name + ": leads outside the data directory");
        }
        if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw new BadInputException(field, name + ": not a readable file");
        }
        return real;
    }

    /**
     * A folder for reports (created), inside the data directory when confined: each missing part is created on its
     * own, under a parent whose real path was checked to be inside, so a link leading out is refused before anything
     * is created beyond it.
     */
    public Path folder(String field, String name) {
        if (root == null) {
            return local(field, name);
        }
        Path candidate = resolve(field, name);
        Path realRoot = realRoot(field);
        Path current = root;
        try {
            for (Path part : root.relativize(candidate)) {
                current = current.resolve(part);
                if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(current);
                }
                if (!current.toRealPath().startsWith(realRoot)) {
                    throw new BadInputException(field, name + ": leads outside the data directory");
                }
                if (!Files.isDirectory(current)) {
                    throw new BadInputException(field, name + ": is not a folder");
                }
            }
        } catch (IOException e) {
            throw new BadInputException(field, name + ": cannot create this folder in the data directory");
        }
        return candidate;
    }

    /**
     * Writes {@code content} to a new file {@code fileName} of {@code dir}: created new ({@code CREATE_NEW}, never over
     * an existing file or through a link), then checked to be inside the data directory (removed and refused if not).
     */
    public Path writeNew(Path dir, String fileName, String content) throws IOException {
        try (var out = newWriter(dir, fileName)) {
            out.write(content);
        }
        return dir.resolve(fileName);
    }

    /**
     * A new file {@code fileName} of {@code dir} to write as it goes (a report whose lines come as a run makes them),
     * created and checked as {@link #writeNew} does; the caller closes it.
     */
    public java.io.BufferedWriter newWriter(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        if (file.getParent() == null || !file.getParent().equals(dir) || fileName.contains("/")) {
            throw new IllegalArgumentException("a plain file name is expected: " + fileName);
        }
        java.io.BufferedWriter out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        if (root != null && !file.toRealPath().startsWith(root.toRealPath())) {
            out.close();
            Files.delete(file);
            throw new IOException(fileName + " was created outside the data directory (removed)");
        }
        return out;
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

    /** Readable files with one of the extensions, up to 4 folders deep and 500 files, hidden ones and links leading out left out. */
    public List<FileInfo> list(String... extensions) {
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        Path realRoot = realRoot("dataDir");
        List<FileInfo> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(realRoot, MAX_DEPTH)) {
            walk.filter(p -> hasExtension(p.getFileName().toString(), extensions))
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

    /** Opens a file of at most {@code maxBytes}; reading past them fails with "larger than N MB". */
    public static InputStream open(Path file, long maxBytes) throws IOException {
        if (Files.size(file) > maxBytes) {
            throw new IOException(larger(maxBytes));
        }
        return capped(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), maxBytes);
    }

    /** At most {@code maxBytes} of {@code in} (a decompressed stream, say); reading past them fails with "larger than N MB". */
    public static InputStream capped(InputStream in, long maxBytes) {
        return new FilterInputStream(in) {
            private long left = maxBytes;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    if (super.read() >= 0) {
                        throw new IOException(larger(maxBytes));
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

    private static String larger(long maxBytes) {
        return "larger than " + maxBytes / (1024 * 1024) + " MB";
    }

    private static boolean hasExtension(String name, String... extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (lower.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    private Path resolve(String field, String name) {
        checkName(field, name);
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw new BadInputException(field, field + " is not a valid file name");
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw new BadInputException(field, field + " must be a name relative to the data directory, not an absolute path");
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw new BadInputException(field, field + " must not contain '..'");
            }
        }
        return root.resolve(relative).normalize();
    }

    /** Relative names: 1-200 characters, no control characters, no backslash, not absolute, no '..'. */
    static void checkName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new BadInputException(field, field + " is required");
        }
        if (name.length() > MAX_NAME) {
            throw new BadInputException(field, field + " is longer than " + MAX_NAME + " characters");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            throw new BadInputException(field, field + " contains a control character or a backslash");
        }
        if (name.startsWith("/") || name.startsWith("~") || name.matches("^[A-Za-z]:.*")) {
            throw new BadInputException(field, field + " must be a name relative to the data directory, not an absolute path");
        }
    }

    private Path realRoot(String field) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(field, "the data directory does not exist (set SIGNAL_DATA_DIR)");
        }
    }

    private static Path local(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new BadInputException(field, field + " is required");
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new BadInputException(field, field + " is not a valid path");
        }
    }
}
