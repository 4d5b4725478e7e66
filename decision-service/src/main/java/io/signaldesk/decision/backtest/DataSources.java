package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.engine.EdgeService;

/**
 * The market a run's data is of, said by the data and never guessed from a file's name: a file is a market's when its
 * content (SHA-256) is listed as that market's, in the repository's sample list ({@code data-sources/samples.json},
 * what {@code ../shared/data/SOURCES.md} describes) or in the data directory's own {@code sources.json}. A run seeds a
 * market's track record only when every file of it is listed as that market's; inline CSV, an unlisted or edited file,
 * or a mix is {@link EdgeService#SEED_UNKNOWN}, which no gate reads.
 */
final class DataSources {

    /** The data directory's manifest: {@code {"sources":[{"sha256":"…","market":"binance","file":"…","origin":"…"}]}}. */
    static final String MANIFEST = "sources.json";
    /** At most this much manifest is read, and this many entries. */
    static final long MAX_MANIFEST_BYTES = 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    /** A venue's name as the feed names its market (binance, coinbase, kraken): not a replay's or a backtest's run. */
    private static final Pattern MARKET = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,39}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String SAMPLES = "/data-sources/samples.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The market of a run's data, and why (a seed's note says it). */
    record Provenance(String market, String why) {
    }

    private DataSources() {
    }

    /**
     * The market of the files {@code files} (display name to path), read from {@code dataDir}; {@code inline}: the run
     * also has CSV sent in the request, which says nothing about where it came from.
     */
    static Provenance of(Map<String, Path> files, boolean inline, DataDirectory dataDir) {
        if (inline) {
            return unknown("inline CSV carries no source");
        }
        if (files.isEmpty()) {
            return unknown("no files");
        }
        Map<String, String> listed = new HashMap<>(samples());
        String manifestProblem = null;
        try {
            merge(listed, manifest(dataDir));
        } catch (IllegalArgumentException e) {
            manifestProblem = MANIFEST + " not read: " + e.getMessage();
        }
        Set<String> markets = new LinkedHashSet<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String sha = sha256(file.getValue());
            String market = listed.get(sha);
            if (market == null) {
                return unknown(file.getKey() + " (sha256 " + sha.substring(0, 12) + "…) is listed in neither the samples "
                        + "nor the data directory's " + MANIFEST + (manifestProblem == null ? "" : "; " + manifestProblem));
            }
            markets.add(market);
        }
        if (markets.size() > 1) {
            return unknown("the files are of several markets: " + String.join(", ", markets));
        }
        String market = markets.iterator().next();
        return new Provenance(market, "every file's content is listed as " + market + "'s");
    }

    private static Provenance unknown(String why) {
        return new Provenance(EdgeService.SEED_UNKNOWN, why);
    }

    /** A hash listed as two markets is no market's. */
    private static void merge(Map<String, String> into, Map<String, String> more) {
        more.forEach((sha, market) -> {
            String before = into.putIfAbsent(sha, market);
            if (before != null && !before.equals(market)) {
                into.put(sha, EdgeService.SEED_UNKNOWN);
            }
        });
        into.values().removeIf(EdgeService.SEED_UNKNOWN::equals);
    }

    private static Map<String, String> samples() {
        try (InputStream in = DataSources.class.getResourceAsStream(SAMPLES)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLES + " is missing from the build");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(SAMPLES + " unreadable", e);
        }
    }

    /** The data directory's {@code sources.json}; empty when it has none. */
    private static Map<String, String> manifest(DataDirectory dataDir) {
        Path file;
        try {
            file = dataDir.file(MANIFEST, MANIFEST, ".json");
        } catch (BadInputException e) {
            return Map.of(); // none (or not a readable file inside the directory): no file of it is listed
        }
        try (InputStream in = DataDirectory.open(file, MAX_MANIFEST_BYTES)) {
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON within " + MAX_MANIFEST_BYTES / 1024 + " KiB");
        }
    }

    /** Every entry checked: a 64-hex sha256 and a venue's name as market; anything else refuses the whole list. */
    static Map<String, String> parse(JsonNode root) {
        JsonNode sources = root == null ? null : root.get("sources");
        if (sources == null || !sources.isArray()) {
            throw new IllegalArgumentException("needs {\"sources\":[{\"sha256\":…,\"market\":…}]}");
        }
        if (sources.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("more than " + MAX_ENTRIES + " sources");
        }
        Map<String, String> bySha = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            JsonNode entry = sources.get(i);
            JsonNode sha = entry.get("sha256");
            JsonNode market = entry.get("market");
            if (sha == null || !sha.isTextual() || !SHA256.matcher(sha.asText()).matches()) {
                throw new IllegalArgumentException("sources[" + i + "].sha256 must be 64 lower-case hex digits");
            }
            if (market == null || !market.isTextual() || !MARKET.matcher(market.asText()).matches()) {
                throw new IllegalArgumentException("sources[" + i + "].market must be a venue's name (binance, coinbase, …)");
            }
            String before = bySha.putIfAbsent(sha.asText(), market.asText());
            if (before != null && !before.equals(market.asText())) {
                throw new IllegalArgumentException("sources[" + i + "] lists " + sha.asText().substring(0, 12)
                        + "… as " + market.asText() + " and before as " + before);
            }
        }
        return bySha;
    }

    static String sha256(Path file) {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(java.nio.file.Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BadInputException("files", file.getFileName() + ": not readable");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files of a checked run, by the name the request gave them. */
    static Map<String, Path> files(List<String> captures, List<Path> capturePaths, Map<String, String> files,
            Map<String, Path> paths) {
        Map<String, Path> named = new java.util.LinkedHashMap<>();
        for (int i = 0; i < captures.size(); i++) {
            named.put(captures.get(i), capturePaths.get(i));
        }
        files.forEach((coin, name) -> named.put(name, paths.get(coin)));
        return named;
    }
}
