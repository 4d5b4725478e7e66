package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
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

    /**
     * A backtest's reports, begun before it runs: its decisions CSV is open from the start, written as the engine
     * decides ({@link #csv}); {@link #finish} writes the rest, and closing one not finished removes the CSV (a run that
     * failed or was cancelled leaves no half report).
     */
    final class Pending implements AutoCloseable {
        private final String name;
        private final Path dir;
        private final Writer csv;
        private boolean finished;

        private Pending(String name, Path dir, Writer csv) {
            this.name = name;
            this.dir = dir;
            this.csv = csv;
        }

        /** Where the decisions go, one line each, after the header. */
        Writer csv() {
            return csv;
        }

        /** Writes the JSON, Markdown (and evaluation CSV) beside the decisions; the report as written, naming its files. */
        BacktestReport finish(BacktestReport report) {
            Path evaluationCsv = dir.resolve(name + "-evaluation.csv");
            Map<String, String> written = new LinkedHashMap<>();
            written.put("json", dataDir.display(dir) + "/" + name + ".json");
            written.put("markdown", dataDir.display(dir) + "/" + name + ".md");
            written.put("decisions", dataDir.display(dir) + "/" + name + "-decisions.csv");
            if (report.evaluation() != null) {
                written.put("evaluation", dataDir.display(dir) + "/" + evaluationCsv.getFileName());
            }
            BacktestReport done = report.withOutput(written);
            writing(dir, csv::close);
            Map<String, String> files = new LinkedHashMap<>();
            files.put(name + ".md", BacktestMarkdown.render(done));
            if (report.evaluation() != null) {
                files.put(evaluationCsv.getFileName().toString(), EvaluationMarkdown.csv(report.evaluation()));
            }
            writeReport(dir, name, files, done);
            finished = true;
            return done;
        }

        @Override
        public void close() {
            if (finished) {
                return;
            }
            try {
                csv.close();
                Files.deleteIfExists(dir.resolve(name + "-decisions.csv"));
            } catch (IOException e) {
                // the run's own failure is what is reported
            }
        }
    }

    /** Begins a backtest's reports in {@code dir}: its decisions CSV created, its header written. */
    Pending begin(String mode, Path dir) {
        String name = name("backtest", mode);
        Writer[] csv = new Writer[1];
        writing(dir, () -> {
            csv[0] = dataDir.newWriter(dir, name + "-decisions.csv");
            csv[0].write(BacktestMarkdown.CSV_HEADER);
        });
        return new Pending(name, dir, csv[0]);
    }

    /** Writes a walk-forward's out-of-sample report (JSON and Markdown) in {@code dir}; the report naming its files. */
    WalkForward.Report write(WalkForward.Report report, Path dir) {
        String name = name("walkforward", report.mode());
        Map<String, String> written = new LinkedHashMap<>();
        written.put("json", dataDir.display(dir) + "/" + name + ".json");
        written.put("markdown", dataDir.display(dir) + "/" + name + ".md");
        WalkForward.Report done = report.withOutput(written);
        writeReport(dir, name, Map.of(name + ".md", WalkForward.markdown(done)), done);
        return done;
    }

    /**
     * Writes a report's {@code files}, then its JSON (what the reports list and the latest report go by) under a hidden
     * temporary name moved into place, so a report is listed only once every file of it is there; on a failure every
     * file of it written so far is removed (a report is whole or absent).
     */
    private void writeReport(Path dir, String name, Map<String, String> files, Object json) {
        List<Path> made = new ArrayList<>();
        try {
            writing(dir, () -> {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    made.add(fresh(dir, file.getKey()));
                    dataDir.writeNew(dir, file.getKey(), file.getValue());
                }
                String part = "." + name + ".json.part";
                made.add(fresh(dir, part));
                dataDir.writeNew(dir, part, JSON.writeValueAsString(json));
                made.add(fresh(dir, name + ".json"));
                Files.move(dir.resolve(part), dir.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
            });
        } catch (RuntimeException e) {
            for (Path file : made) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException gone) {
                    // the write's own failure is what is reported
                }
            }
            throw e;
        }
    }

    /** {@code fileName} in {@code dir}, which must not exist yet: what is there already is never this report's to remove. */
    private static Path fresh(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileAlreadyExistsException(fileName);
        }
        return file;
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
