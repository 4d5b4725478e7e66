package io.signaldesk.decision.backtest;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.signaldesk.common.error.Shorten;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.service.RulesStrategy;

/**
 * Validates a backtest request, reads and aligns the candle files, runs the backtest and writes the
 * JSON and Markdown reports. Plain Java (no CDI), so the command line can use it without the service.
 */
public class BacktestService {

    /** The service's own settings a request falls back to. */
    public record Defaults(BigDecimal feePct, BigDecimal slippagePct, BigDecimal flatBandPct, BigDecimal momentumPct,
            BigDecimal initialEquity, BigDecimal sizePct, BigDecimal stopLossPct, BigDecimal takeProfitPct) {
    }

    /** Thrown when a backtest is asked for while one is running. */
    public static class Busy extends RuntimeException {
        public Busy() {
            super("a backtest is already running; try again when it has finished");
        }
    }

    private static final List<Integer> HORIZONS = List.of(1, 5, 15);
    private static final Pattern COIN = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern COIN_IN_NAME = Pattern.compile("^([A-Za-z0-9]{2,10}?)USDT", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Largest CSV text sent inline for one coin (the request body is capped too). */
    public static final int MAX_INLINE_CSV = 3 * 1024 * 1024;
    private static final int MAX_COINS = 10;

    private final RulesStrategy strategy;
    private final Defaults defaults;
    private final DataDirectory dataDir;
    private final AtomicBoolean running = new AtomicBoolean();

    public BacktestService(RulesStrategy strategy, Defaults defaults, DataDirectory dataDir) {
        this.strategy = strategy;
        this.defaults = defaults;
        this.dataDir = dataDir;
    }

    /** The candle files a request may name (empty for the command line, which takes any local path). */
    public List<DataDirectory.FileInfo> files() {
        return dataDir.list(".csv");
    }

    /**
     * Runs the request and writes its reports under {@code outputDir} (default {@code backtest}), in the data
     * directory when the service runs it.
     */
    public BacktestReport run(BacktestRequest request) {
        if (request == null) {
            throw new BacktestInputException("body", "a JSON body is required, e.g. {\"files\":{\"BTC\":\"BTCUSDT-1m.csv\"}}");
        }
        Map<String, String> files = files(request);
        Map<String, String> inline = inline(request, files);
        BacktestSettings settings = settings(request);
        Instant from = instant("from", request.from());
        Instant to = instant("to", request.to());
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BacktestInputException("to", "to must be after from");
        }
        String outputName = request.outputDir() == null ? (dataDir.isConfined() ? "backtest" : "data/backtest")
                : request.outputDir();
        Map<String, Path> paths = new LinkedHashMap<>();
        files.forEach((coin, file) -> paths.put(coin, dataDir.file("files." + coin, file, ".csv")));
        Path outputDir = dataDir.folder("outputDir", outputName);
        if (!running.compareAndSet(false, true)) {
            throw new Busy();
        }
        try {
            List<CandleSeries> series = new ArrayList<>();
            paths.forEach((coin, path) -> {
                try {
                    series.add(CandleCsvReader.read(coin, files.get(coin), path));
                } catch (CandleFileException e) {
                    throw new BacktestInputException("files." + e.coin(), e.getMessage());
                }
            });
            inline.forEach((coin, text) -> {
                try {
                    series.add(CandleCsvReader.parse(coin, "csv." + coin, text));
                } catch (CandleFileException e) {
                    throw new BacktestInputException("csv." + e.coin(), e.getMessage());
                }
            });
            Map<String, String> sources = new LinkedHashMap<>(files);
            inline.keySet().forEach(coin -> sources.put(coin, "csv." + coin));
            AlignedCandles data;
            try {
                data = AlignedCandles.align(series, from, to);
            } catch (IllegalArgumentException e) {
                throw new BacktestInputException("files", e.getMessage());
            }
            BacktestAnalyzer analyzer = settings.mode() == Mode.RULES ? null
                    : new BacktestAnalyzer(settings.analyzerUrl(), Duration.ofSeconds(30));
            BacktestReport report = new BacktestRunner(new CandleRules(strategy, settings.momentumPct()), analyzer)
                    .run(data, settings, sources);
            return write(report, outputDir);
        } finally {
            running.set(false);
        }
    }

    private BacktestReport write(BacktestReport report, Path dir) {
        String name = "backtest-%s-%s".formatted(report.mode().toLowerCase(Locale.ROOT), STAMP.format(Instant.now()));
        Path json = dir.resolve(name + ".json");
        Path markdown = dir.resolve(name + ".md");
        Map<String, String> written = new LinkedHashMap<>();
        written.put("json", dataDir.display(dir) + "/" + json.getFileName());
        written.put("markdown", dataDir.display(dir) + "/" + markdown.getFileName());
        BacktestReport finished = report.withOutput(written);
        try {
            Files.createDirectories(dir);
            Files.writeString(json, JSON.writeValueAsString(finished), StandardCharsets.UTF_8);
            Files.writeString(markdown, BacktestMarkdown.render(finished), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BacktestInputException("outputDir", "cannot write the report to " + dataDir.display(dir));
        }
        return finished;
    }

    /** Candle CSV text sent in the body ({@code csv}: coin → text), at most {@link #MAX_INLINE_CSV} characters each. */
    private static Map<String, String> inline(BacktestRequest request, Map<String, String> files) {
        Map<String, String> inline = new LinkedHashMap<>();
        if (request.csv() == null) {
            return inline;
        }
        request.csv().forEach((coin, text) -> {
            String field = "csv." + Shorten.text(coin);
            if (text != null && text.length() > MAX_INLINE_CSV) {
                throw new BacktestInputException(field, field + " is longer than " + MAX_INLINE_CSV + " characters");
            }
            put(inline, field, coin, text);
            if (files.containsKey(coin.toUpperCase(Locale.ROOT))) {
                throw new BacktestInputException(field, coin.toUpperCase(Locale.ROOT) + " is given twice");
            }
        });
        if (files.size() + inline.size() > MAX_COINS) {
            throw new BacktestInputException("files", "at most " + MAX_COINS + " coins");
        }
        return inline;
    }

    private Map<String, String> files(BacktestRequest request) {
        Map<String, String> files = new LinkedHashMap<>();
        if (request.files() != null) {
            if (request.files().size() > MAX_COINS) {
                throw new BacktestInputException("files", "at most " + MAX_COINS + " coins");
            }
            request.files().forEach((coin, file) -> put(files, "files." + Shorten.text(coin), coin, file));
        }
        if (request.paths() != null) {
            if (request.paths().size() > MAX_COINS) {
                throw new BacktestInputException("paths", "at most " + MAX_COINS + " paths");
            }
            for (String file : request.paths()) {
                if (file == null || file.isBlank()) {
                    throw new BacktestInputException("paths", "paths must not contain empty entries");
                }
                String fileName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
                Matcher matcher = COIN_IN_NAME.matcher(fileName);
                if (!matcher.find()) {
                    throw new BacktestInputException("paths", "cannot tell the coin from the file name of " + Shorten.text(file)
                            + "; use files: {\"BTC\": \"" + Shorten.text(file) + "\"}");
                }
                put(files, "paths", matcher.group(1), file);
            }
        }
        if (files.isEmpty() && (request.csv() == null || request.csv().isEmpty())) {
            throw new BacktestInputException("files", "give files (coin → CSV name in the data directory), paths (CSV names) "
                    + "or csv (coin → CSV text)");
        }
        return files;
    }

    private static void put(Map<String, String> files, String field, String coin, String file) {
        String name = coin == null ? "" : coin.toUpperCase(Locale.ROOT);
        if (!COIN.matcher(name).matches()) {
            throw new BacktestInputException(field, "coin must be 2-10 letters or digits, got '" + Shorten.text(coin) + "'");
        }
        if (file == null || file.isBlank()) {
            throw new BacktestInputException(field, "a CSV is required for " + name);
        }
        if (files.putIfAbsent(name, file) != null) {
            throw new BacktestInputException(field, name + " is given twice");
        }
    }

    private BacktestSettings settings(BacktestRequest r) {
        Mode mode;
        try {
            mode = r.mode() == null ? Mode.RULES : Mode.valueOf(r.mode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BacktestInputException("mode", "mode must be RULES, AI or HYBRID, got '" + Shorten.text(r.mode()) + "'");
        }
        String analyzerUrl = r.analyzerUrl();
        if (mode != Mode.RULES) {
            if (analyzerUrl != null && analyzerUrl.length() > 500) {
                throw new BacktestInputException("analyzerUrl", "analyzerUrl is longer than 500 characters");
            }
            if (analyzerUrl == null || analyzerUrl.isBlank()) {
                throw new BacktestInputException("analyzerUrl", mode + " mode needs analyzerUrl (ai-analyzer-service, e.g. http://localhost:8082)");
            }
            try {
                URI uri = URI.create(analyzerUrl);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new BacktestInputException("analyzerUrl", "analyzerUrl must be an http(s) URL, got '" + Shorten.text(analyzerUrl) + "'");
            }
        }
        int aiEvery = r.aiEveryMinutes() == null ? 15 : r.aiEveryMinutes();
        if (aiEvery < 1 || aiEvery > 1440) {
            throw new BacktestInputException("aiEveryMinutes", "aiEveryMinutes must be 1-1440");
        }
        List<Integer> horizons = r.horizonsMinutes() == null ? HORIZONS : r.horizonsMinutes();
        if (horizons.isEmpty() || horizons.size() > 6 || horizons.stream().anyMatch(h -> h == null || h < 1 || h > 1440)
                || horizons.stream().distinct().count() != horizons.size()) {
            throw new BacktestInputException("horizonsMinutes", "horizonsMinutes must be 1-6 distinct values of 1-1440");
        }
        return new BacktestSettings(mode,
                pct("feePct", r.feePct(), defaults.feePct(), true, "10"),
                pct("slippagePct", r.slippagePct(), defaults.slippagePct(), true, "10"),
                pct("flatBandPct", r.flatBandPct(), defaults.flatBandPct(), false, "10"),
                defaults.momentumPct(),
                pct("initialEquity", r.initialEquity(), defaults.initialEquity(), false, "1000000000"),
                pct("sizePct", r.sizePct(), defaults.sizePct(), false, "100"),
                pct("stopLossPct", r.stopLossPct(), defaults.stopLossPct(), false, "100"),
                pct("takeProfitPct", r.takeProfitPct(), defaults.takeProfitPct(), false, "1000"),
                List.copyOf(horizons), aiEvery, mode == Mode.RULES ? null : analyzerUrl);
    }

    private static BigDecimal pct(String field, BigDecimal given, BigDecimal fallback, boolean zeroAllowed, String max) {
        BigDecimal value = given == null ? fallback : given;
        if ((zeroAllowed ? value.signum() < 0 : value.signum() <= 0) || value.compareTo(new BigDecimal(max)) > 0) {
            throw new BacktestInputException(field, "%s must be %s and at most %s, got %s".formatted(field,
                    zeroAllowed ? "0 or more" : "positive", max, Shorten.number(value)));
        }
        if (value.scale() > 18) {
            throw new BacktestInputException(field, field + " has more than 18 decimals");
        }
        return value;
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 40) {
            throw new BacktestInputException(field, field + " must be an ISO-8601 UTC instant like 2024-10-01T03:00:00Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BacktestInputException(field, field + " must be an ISO-8601 UTC instant like 2024-10-01T03:00:00Z, got '" + text + "'");
        }
        if (instant.getEpochSecond() % 60 != 0 || instant.getNano() != 0) {
            throw new BacktestInputException(field, field + " must be on a whole minute");
        }
        return instant;
    }

}
