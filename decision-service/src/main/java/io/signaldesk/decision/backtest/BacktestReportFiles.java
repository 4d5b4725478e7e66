package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.signaldesk.common.error.Shorten;
import io.signaldesk.common.files.DataDirectory;

/**
 * A run's reports in its output folder of the data directory: JSON, Markdown, the decisions CSV and the evaluation
 * CSV of a backtest, JSON and Markdown of a walk-forward; each file created new under an unguessable name
 * ({@code backtest-<mode>-<yyyyMMdd-HHmmss>-<16 hex digits>}). A folder that cannot be written is a 400 naming outputDir.
 */
final class BacktestReportFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

    private final DataDirectory dataDir;

    BacktestReportFiles(DataDirectory dataDir) {
        this.dataDir = dataDir;
    }

    /** Writes a backtest's reports in {@code dir}; the report as written, naming its files. */
    BacktestReport write(BacktestReport report, List<BacktestDecision> decisions, Path dir) {
        String name = name("backtest", report.mode());
        Path json = dir.resolve(name + ".json");
        Path markdown = dir.resolve(name + ".md");
        Path csv = dir.resolve(name + "-decisions.csv");
        Path evaluationCsv = dir.resolve(name + "-evaluation.csv");
        Map<String, String> written = new LinkedHashMap<>();
        written.put("json", dataDir.display(dir) + "/" + json.getFileName());
        written.put("markdown", dataDir.display(dir) + "/" + markdown.getFileName());
        written.put("decisions", dataDir.display(dir) + "/" + csv.getFileName());
        if (report.evaluation() != null) {
            written.put("evaluation", dataDir.display(dir) + "/" + evaluationCsv.getFileName());
        }
        BacktestReport finished = report.withOutput(written);
        writing(dir, () -> {
            dataDir.writeNew(dir, json.getFileName().toString(), JSON.writeValueAsString(finished));
            dataDir.writeNew(dir, markdown.getFileName().toString(), BacktestMarkdown.render(finished));
            dataDir.writeNew(dir, csv.getFileName().toString(), BacktestMarkdown.csv(decisions));
            if (report.evaluation() != null) {
                dataDir.writeNew(dir, evaluationCsv.getFileName().toString(), EvaluationMarkdown.csv(report.evaluation()));
            }
        });
        return finished;
    }

    /** Writes a walk-forward's out-of-sample report (JSON and Markdown) in {@code dir}. */
    void write(WalkForward.Report report, Path dir) {
        String name = name("walkforward", report.mode());
        writing(dir, () -> {
            dataDir.writeNew(dir, name + ".json", JSON.writeValueAsString(report));
            dataDir.writeNew(dir, name + ".md", WalkForward.markdown(report));
        });
    }

    private interface Writes {
        void run() throws IOException;
    }

    private void writing(Path dir, Writes writes) {
        try {
            if (!dataDir.isConfined()) {
                Files.createDirectories(dir); // confined: made and checked part by part when the request was read
            }
            writes.run();
        } catch (IOException e) {
            throw new BacktestInputException("outputDir", "cannot write the report to " + dataDir.display(dir)
                    + " (" + Shorten.text(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** 64 random bits (hex) in the name: a report's name cannot be guessed, so nobody can plant a link under it beforehand. */
    private static String name(String kind, String mode) {
        byte[] bits = new byte[8];
        RANDOM.nextBytes(bits);
        return "%s-%s-%s-%s".formatted(kind, mode.toLowerCase(Locale.ROOT), STAMP.format(Instant.now()),
                HexFormat.of().formatHex(bits));
    }
}
