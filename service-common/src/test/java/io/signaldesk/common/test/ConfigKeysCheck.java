package io.signaldesk.common.test;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;

/**
 * Every configuration key a service's READMEs document is one its code reads, and every key its properties file sets
 * under the project's own prefixes is read too (issue 22: no documented key read by nothing, dead keys removed). A
 * service's test extends this and names its READMEs, its properties file and its {@code @ConfigMapping} interfaces.
 *
 * <p>Documented keys: the first cell of each row of a README's {@code | key ...} tables, written in full
 * ({@code feed.replay.file}), relative to the section's "(`decision.` prefix unless noted)", or shortened after the
 * first ({@code `feed.replay.file` / `.speed`}, {@code `edge.min-sample` / `confidence`}), or a whole group
 * ({@code `risk.*`}: read when any key below it is); and every
 * {@code `key=value`} mention. Read: a property of a mapping (SmallRye's own list of its names) whose accessor the
 * module's main sources call ({@code .maxSizePct()} or {@code ::maxSizePct}; by name, so a same-named call elsewhere
 * passes too), or a string literal of those sources equal to the key (an {@code @ConfigProperty} name). Keys of the platform ({@code quarkus.},
 * {@code mp.}, {@code kafka.}, ...) are the platform's to read and are not checked. Mapped keys no README documents are
 * printed, a report rather than a failure.
 */
public abstract class ConfigKeysCheck {

    /** The prefixes this project maps itself; any other key belongs to the platform. */
    protected static final Set<String> OWN_PREFIXES = Set.of("decision", "strategy", "signal", "analyzer", "feed");

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern PREFIX_NOTE = Pattern.compile("\\(`([a-z][a-z0-9-]*)\\.` prefix");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    /** {@code decision.risk.*}: every key below it. */
    private static final Pattern WILDCARD = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*\\.\\*");
    /** Prefixes every service maps (service-common's): written in full even in a section with a prefix of its own. */
    private static final Set<String> SHARED_PREFIXES = Set.of("signal", "strategy");
    private static final Pattern KEY_VALUE = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)=[^`]*`");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    /** A call of an accessor ({@code maxSizePct()}) or a method reference to one ({@code ::maxSizePct}). */
    private static final Pattern CALL = Pattern.compile("(::)?\\b([a-z][A-Za-z0-9]*)(\\(\\))?");
    /** An abstract method's declaration ({@code BigDecimal maxSizePct();}): not a call. */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?m)^\\s*(?!return\\b)[A-Za-z][\\w.<>?, \\[\\]]*\\s+[a-z]\\w*\\(\\);\\s*$");
    /** A property expression: {@code ${decision.engine-tick-every:1s}}. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)(?::[^}]*)?\\}");

    /** The READMEs whose keys this service reads (its own, and the root README for the desk's). */
    protected abstract List<Path> readmes();

    /** The service's {@code application.properties}. */
    protected abstract Path properties();

    /**
     * The {@code @ConfigMapping} interfaces the service reads: every one in {@link #sources()} (service-common's
     * included), found by their annotation, so a new mapping is checked without being listed.
     */
    protected List<Class<?>> mappings() {
        List<Class<?>> found = new ArrayList<>();
        for (Path root : sources()) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    if (String.join("\n", lines(f)).contains("@ConfigMapping(")) {
                        String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '.');
                        found.add(Class.forName(name.substring(0, name.length() - ".java".length())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Main source folders whose string literals name keys read by {@code @ConfigProperty} or a config lookup. */
    protected List<Path> sources() {
        return List.of(Path.of("src/main/java"));
    }

    @Test
    void everyDocumentedKeyAndEverySetKeyIsRead() {
        List<Pattern> mapped = mappedPatterns();
        Set<String> literals = literals();
        Set<String> documented = documented();
        Set<String> unread = new TreeSet<>();
        for (String key : documented) {
            if (own(key) && !read(key, mapped, literals)) {
                unread.add(key);
            }
        }
        Set<String> deadInProperties = new TreeSet<>();
        for (String key : propertyKeys()) {
            if (own(key) && !read(key, mapped, literals)) {
                deadInProperties.add(key);
            }
        }
        Set<String> undocumented = new TreeSet<>();
        for (Class<?> mapping : mappings()) {
            for (String name : ConfigMappings.getProperties(ConfigClass.configClass(mapping)).keySet()) {
                if (documented.stream().noneMatch(d -> matches(name, d))) {
                    undocumented.add(name);
                }
            }
        }
        System.out.printf("config keys: %d documented (%d of them the project's own), %d set in %s, %d mapped;"
                + " mapped but not documented (%d): %s%n", documented.size(), documented.stream().filter(this::own).count(),
                propertyKeys().size(), properties(), mappedCount(), undocumented.size(), undocumented);
        assertTrue(unread.isEmpty(), "documented keys no code reads: " + unread);
        assertTrue(deadInProperties.isEmpty(), "keys set in " + properties() + " that no code reads: " + deadInProperties);
    }

    /** The keys the READMEs document. */
    protected Set<String> documented() {
        Set<String> keys = new TreeSet<>();
        for (Path readme : readmes()) {
            String prefix = null;
            boolean inKeyTable = false;
            for (String line : lines(readme)) {
                if (line.startsWith("#")) {
                    Matcher note = PREFIX_NOTE.matcher(line);
                    prefix = note.find() ? note.group(1) : null;
                    inKeyTable = false;
                }
                Matcher keyValue = KEY_VALUE.matcher(line);
                while (keyValue.find()) {
                    keys.add(keyValue.group(1));
                }
                if (!line.startsWith("|")) {
                    inKeyTable = false;
                    continue;
                }
                String firstCell = line.substring(1).split("\\|", 2)[0].trim();
                if (firstCell.startsWith("key")) {
                    inKeyTable = true;
                    continue;
                }
                if (inKeyTable) {
                    keys.addAll(rowKeys(firstCell, prefix));
                }
            }
        }
        return keys;
    }

    /** The keys of one table row's first cell (see the class comment for the short forms). */
    static List<String> rowKeys(String cell, String prefix) {
        List<String> keys = new ArrayList<>();
        String previous = null;
        Matcher ticked = TICKED.matcher(cell.replaceAll("\\([^)]*\\)", ""));
        while (ticked.find()) {
            String token = ticked.group(1).trim();
            String key;
            if (token.startsWith(".") && previous != null) {
                key = parent(previous) + token;
            } else if (KEY.matcher(token).matches() || WILDCARD.matcher(token).matches()) {
                String first = token.substring(0, token.indexOf('.'));
                key = prefix == null || first.equals(prefix) || SHARED_PREFIXES.contains(first) || isPlatform(first) ? token
                        : prefix + "." + token;
            } else if (token.matches("[a-z][a-z0-9-]*")) {
                key = previous != null ? parent(previous) + "." + token : prefix != null ? prefix + "." + token : null;
            } else {
                continue;
            }
            if (key != null) {
                keys.add(key);
                previous = key;
            }
        }
        return keys;
    }

    private static boolean isPlatform(String first) {
        return Set.of("quarkus", "mp", "kafka", "smallrye", "mp-messaging").contains(first);
    }

    private static String parent(String key) {
        return key.substring(0, key.lastIndexOf('.'));
    }

    private boolean own(String key) {
        return OWN_PREFIXES.contains(key.substring(0, key.indexOf('.')));
    }

    private List<String> propertyKeys() {
        List<String> keys = new ArrayList<>();
        for (String line : lines(properties())) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            String key = trimmed.substring(0, trimmed.indexOf('=')).trim();
            if (key.startsWith("%")) {
                key = key.substring(key.indexOf('.') + 1);
            }
            if (key.contains(".")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private List<Pattern> mappedPatterns() {
        List<Pattern> patterns = new ArrayList<>();
        for (Class<?> mapping : mappings()) {
            for (String name : ConfigMappings.getProperties(ConfigClass.configClass(mapping)).keySet()) {
                patterns.add(regex(name));
            }
        }
        return patterns;
    }

    private long mappedCount() {
        return mappings().stream().mapToLong(m -> ConfigMappings.getProperties(ConfigClass.configClass(m)).size()).sum();
    }

    private static boolean matches(String mappedName, String key) {
        return key.endsWith(".*") ? mappedName.startsWith(key.substring(0, key.length() - 1))
                : regex(mappedName).matcher(key).matches();
    }

    /** A mapped name as a pattern: {@code [*]} an index, {@code *} a map key. */
    private static Pattern regex(String mappedName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < mappedName.length(); i++) {
            if (mappedName.startsWith("[*]", i)) {
                out.append("\\[\\d+\\]");
                i += 2;
            } else if (mappedName.charAt(i) == '*') {
                out.append("[^.]+");
            } else {
                out.append(Pattern.quote(String.valueOf(mappedName.charAt(i))));
            }
        }
        return Pattern.compile(out.toString());
    }

    private boolean read(String key, List<Pattern> mapped, Set<String> literals) {
        if (key.endsWith(".*")) {
            return mappings().stream().flatMap(m -> ConfigMappings.getProperties(ConfigClass.configClass(m)).keySet().stream())
                    .anyMatch(name -> matches(name, key));
        }
        if (literals.contains(key)) {
            return true;
        }
        // mapped, and its accessor called somewhere: a mapped key whose method nobody calls is read by nothing
        return mapped.stream().anyMatch(p -> p.matcher(key).matches()) && literals.contains(accessor(key));
    }

    /** The accessor a mapping declares for {@code key}: its last segment in camelCase, with "()" ({@code maxSizePct()}). */
    static String accessor(String key) {
        String last = key.replaceAll("\\[\\d+\\]$", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : last.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out + "()";
    }

    private Set<String> literals() {
        Set<String> found = new TreeSet<>();
        for (Path root : sources()) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String text = DECLARATION.matcher(String.join("\n", lines(f))).replaceAll("");
                    Matcher m = LITERAL.matcher(text);
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                    Matcher call = CALL.matcher(text);
                    while (call.find()) {
                        if (call.group(1) != null || call.group(3) != null) {
                            found.add(call.group(2) + "()");
                        }
                    }
                    Matcher expression = EXPRESSION.matcher(text);
                    while (expression.find()) {
                        found.add(expression.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Matcher expression = EXPRESSION.matcher(String.join("\n", lines(properties())));
        while (expression.find()) {
            found.add(expression.group(1)); // read through a platform key's value
        }
        return found;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
