package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.common.files.DataDirectory;

/**
 * The backtest reports already written in the data directory: the newest one's verdict and figures, and a report's
 * Markdown by its name. A report is named by the name {@link BacktestService} gave it, never by a path: the name is
 * matched against the data directory's own listing, so a caller cannot point it anywhere else.
 */
public final class BacktestReports {

    /**
     * A report's name as BacktestService writes it (never a path): backtest-&lt;mode&gt;-&lt;yyyyMMdd-HHmmss&gt;-&lt;16
     * hex&gt;, walkforward-... for a walk-forward's; DecisionOpenApiFilter shows it on the {name} parameter.
     */
    public static final String NAME_PATTERN = "(backtest|walkforward)-[a-z]+-\\d{8}-\\d{6}-[0-9a-f]{16}";
    static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final long MAX_JSON = 64L * 1024 * 1024;
    private static final long MAX_MARKDOWN = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The newest report: its {@code name}, when it was written, its verdict and bottom line (closed trades, won, return
     * and max drawdown of the paper account, buy-and-hold), {@code sample} whether its period is in-sample for the
     * defaults or held out (its report's sample note; null in reports from before it was written), and {@code report},
     * the API path of its Markdown.
     */
    @RegisterForReflection
    public record Latest(String name, String file, Instant writtenAt, String verdict, String sample, String mode, String data,
            Instant from, Instant to, Integer trades, Integer wins, BigDecimal returnPct, BigDecimal maxDrawdownPct,
            BigDecimal buyAndHoldReturnPct, String report) {
    }

    private final DataDirectory dataDir;

    public BacktestReports(DataDirectory dataDir) {
        this.dataDir = dataDir;
    }

    /** Whether {@code name} is a report's name (and nothing else: no folder, no extension). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The newest backtest report of the data directory (by the time in its name, then by the file's), if any was written;
     * a walk-forward's has no single verdict or account and is not one.
     */
    public Optional<Latest> latest() {
        return dataDir.list(".json").stream()
                .filter(f -> isName(baseName(f.name(), ".json")) && baseName(f.name(), ".json").startsWith("backtest-"))
                .max(Comparator.comparing((DataDirectory.FileInfo f) -> stamp(baseName(f.name(), ".json")))
                        .thenComparing(DataDirectory.FileInfo::modified))
                .flatMap(this::read);
    }

    /** The Markdown of report {@code name} (see {@link #isName}), if the data directory lists it. */
    public Optional<String> markdown(String name) {
        return dataDir.list(".md").stream().filter(f -> baseName(f.name(), ".md").equals(name)).findFirst().map(f -> {
            try (InputStream in = DataDirectory.open(dataDir.file("name", f.name(), ".md"), MAX_MARKDOWN)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BacktestInputException("name", "cannot read the report " + name + " (" + e.getMessage() + ")");
            }
        });
    }

    private Optional<Latest> read(DataDirectory.FileInfo file) {
        String name = baseName(file.name(), ".json");
        JsonNode r;
        try (InputStream in = DataDirectory.open(dataDir.file("name", file.name(), ".json"), MAX_JSON)) {
            r = JSON.readTree(in);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // being written, or not a report after all: nothing to show
        }
        JsonNode paper = r.path("paper");
        return Optional.of(new Latest(name, file.name(), file.modified(), text(r, "verdict"), text(r.path("sample"), "note"),
                text(r, "mode"), text(r, "data"),
                instant(r, "from"), instant(r, "to"), paper.hasNonNull("trades") ? paper.get("trades").asInt() : null,
                paper.hasNonNull("wins") ? paper.get("wins").asInt() : null, decimal(paper, "returnPct"),
                decimal(paper, "maxDrawdownPct"), decimal(r.path("buyAndHold"), "returnPct"),
                "/api/backtest/reports/" + name));
    }

    private static String baseName(String relative, String extension) {
        String file = relative.substring(relative.lastIndexOf('/') + 1);
        return file.endsWith(extension) ? file.substring(0, file.length() - extension.length()) : file;
    }

    /** yyyyMMdd-HHmmss of a report's name: sorts as time. */
    private static String stamp(String name) {
        String[] parts = name.split("-");
        return parts[2] + parts[3];
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return node.hasNonNull(field) && node.get(field).isNumber() ? node.get(field).decimalValue() : null;
    }
}
