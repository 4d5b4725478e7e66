package io.signaldesk.decision.backtest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;


import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.market.binance.CaptureLimits;
import io.signaldesk.core.evaluation.Evaluation;
import io.signaldesk.core.evaluation.RandomEntries;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.strategy.Tuning;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.domain.Mode;

/**
 * Validates a backtest request, reads the candles, runs them through the live engine
 * ({@link BacktestRunner}) with the service's settings and the request's overrides, and writes the JSON, Markdown and
 * decisions CSV reports. Plain Java (no CDI), so the command line can use it without the service.
 */
public class BacktestService {

    /** Thrown when a backtest is asked for while one is running. */
    public static class Busy extends RuntimeException {
        public Busy() {
            super("a backtest is already running; try again when it has finished");
        }
    }


    /** Largest CSV text sent inline for one coin (the request body is capped too). */
    public static final int MAX_INLINE_CSV = BacktestInputs.MAX_INLINE_CSV;

    /** What a capture may be named: gzip as in ../shared/data/binance-spot, or plain text as feed.record.raw-file writes. */
    static final String[] CAPTURE_EXTENSIONS = { ".gz", ".txt" };
    /** 512 MB of capture text a run, decompressed (a gzip bomb stops there), 1 MB a line (a depth snapshot is ~64 kB). */
    static final CaptureLimits CAPTURE_LIMITS = new CaptureLimits(512L * 1024 * 1024, 1024 * 1024);


    /** Where a run's scored calls go when it asks to seed the service's edge track record ({@code seedTrackRecord}). */
    @FunctionalInterface
    public interface TrackRecordSeed {
        /** Adds {@code calls}, of {@code market}'s data, to the service's track record; returns how many were at its horizon. */
        int seed(List<io.signaldesk.decision.engine.port.EdgeStore.ScoredCall> calls, String market);
    }

    private final Supplier<BacktestConfig> live;
    private final DataDirectory dataDir;
    private final TrackRecordSeed seed;
    private final BacktestReportFiles reportFiles;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Runnable afterRun;
    private long maxCoinMinutes = BacktestBounds.maxCoinMinutes();

    /** {@code live}: the service's settings as they are when a backtest starts (read again for every run). */
    public BacktestService(Supplier<BacktestConfig> live, DataDirectory dataDir) {
        this(live, dataDir, null);
    }

    /** {@code seed}: the running service's track record (null on the command line: nothing to seed). */
    public BacktestService(Supplier<BacktestConfig> live, DataDirectory dataDir, TrackRecordSeed seed) {
        this(live, dataDir, seed, () -> {
        });
    }

    /**
     * {@code afterRun}: told whenever a backtest that ran (to its end or not) lets the one-at-a-time slot go, never after
     * a request refused before it ran (the service gives its heap back: {@link HeapGiveBack#afterBacktest}).
     */
    public BacktestService(Supplier<BacktestConfig> live, DataDirectory dataDir, TrackRecordSeed seed, Runnable afterRun) {
        this.live = live;
        this.dataDir = dataDir;
        this.seed = seed;
        this.afterRun = afterRun;
        this.reportFiles = new BacktestReportFiles(dataDir);
    }

    /** A smaller bound on a run's coin-minutes than this heap's (tests: the bound without a heap's worth of candles). */
    BacktestService maxCoinMinutes(long bound) {
        this.maxCoinMinutes = bound;
        return this;
    }

    /** The slot a backtest held is free again; what it grew can be given back. */
    private void released() {
        running.set(false);
        afterRun.run();
    }

    /** The candle files a request may name (empty for the command line, which takes any local path). */
    public List<DataDirectory.FileInfo> files() {
        return dataDir.list(".csv", ".gz", ".txt");
    }

    /**
     * Runs the request through the live engine and writes its reports (JSON, Markdown, every decision as CSV) under
     * {@code outputDir} (default {@code backtest}), in the data directory when the service runs it.
     */
    public BacktestReport run(BacktestRequest request) {
        return run(check(request), BacktestRunner.Progress.NONE);
    }

    /**
     * Runs {@code request} as rolling train/test windows ({@code walkForward}) and writes the out-of-sample report
     * (JSON and Markdown) under {@code outputDir}.
     */
    public WalkForward.Report walkForward(BacktestRequest request) {
        return walkForward(check(request), BacktestRunner.Progress.NONE);
    }

    /** Runs a checked walk-forward request, telling {@code progress}; {@link Busy} while another backtest runs. */
    WalkForward.Report walkForward(Checked checked, BacktestRunner.Progress progress) {
        BacktestSettings settings = checked.overrides().settings();
        if (!running.compareAndSet(false, true)) {
            throw new Busy();
        }
        try {
            BacktestAnalyzer analyzer = settings.mode() == Mode.RULES ? null
                    : new BacktestAnalyzer(settings.analyzerUrl(), Duration.ofSeconds(30));
            ModelQuestionCap cap = analyzer == null ? null : new ModelQuestionCap(analyzer::calls,
                    checked.base().config(checked.overrides().keys()).backtest().maxModelCalls());
            WalkForward.Report report = WalkForward.run(checked.walkForward(), checked.candles(), settings,
                    checked.overrides().strategy(),
                    testFrom -> new BacktestRunner(checked.base(), checked.overrides(),
                            analyzer == null ? io.signaldesk.decision.engine.port.AnalyzerPort.NONE : analyzer,
                            sentiment(settings, analyzer, checked.maxSentimentCalls())).measuringFrom(testFrom), progress,
                    cap);
            return reportFiles.write(report, checked.outputDir());
        } finally {
            released();
        }
    }

    /** Whether a backtest runs now (one at a time: POST /api/backtest or a job). */
    public boolean running() {
        return running.get();
    }

    /** A request checked, its files found: what a run needs (the data is read when it runs). */
    record Checked(List<String> captures, Map<String, String> files, Map<String, String> inline, BacktestConfig base,
            Overrides overrides, Instant from, Instant to, int offset, int limit, Map<String, Path> paths,
            List<Path> capturePaths, Path outputDir, AlignedCandles candles, int maxSentimentCalls, int trials,
            boolean seedTrackRecord, DataSources.Provenance seedSource, WalkForward.Plan walkForward) {
    }

    /**
     * Checks {@code request} (every refusal a {@link BadInputException} naming its field) without running it; with
     * {@code walkForward} its windows too (they must fit the candles).
     */
    Checked check(BacktestRequest request) {
        if (request == null) {
            throw new BacktestInputException("body", "a JSON body is required, e.g. {\"files\":{\"BTC\":\"BTCUSDT-1m.csv\"}}");
        }
        List<String> captures = BacktestInputs.captures(request);
        Map<String, String> files = captures.isEmpty() ? BacktestInputs.files(request) : Map.of();
        Map<String, String> inline = BacktestInputs.inline(request, files);
        BacktestConfig base = live.get();
        Overrides overrides = Overrides.of(request, base);
        Instant from = BacktestInputs.instant("from", request.from(), true);
        Instant to = BacktestInputs.instant("to", request.to(), true);
        if (!captures.isEmpty() && (from != null || to != null)) {
            throw new BacktestInputException(from != null ? "from" : "to", "from and to apply to candles; a capture is replayed whole");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BacktestInputException("to", "to must be after from");
        }
        int offset = BacktestBounds.whole("decisionsOffset", request.decisionsOffset(), 0);
        int limit = BacktestBounds.whole("decisionsLimit", request.decisionsLimit(), BacktestBounds.DEFAULT_DECISIONS);
        int trials = BacktestBounds.whole("trials", request.trials(), 1);
        String outputName = request.outputDir() == null ? (dataDir.isConfined() ? "backtest" : "data/backtest")
                : request.outputDir();
        Map<String, Path> paths = new LinkedHashMap<>();
        files.forEach((coin, file) -> paths.put(coin, dataDir.file("files." + coin, file, ".csv")));
        List<Path> capturePaths = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++) {
            capturePaths.add(dataDir.file("captures[" + i + "]", captures.get(i), CAPTURE_EXTENSIONS));
        }
        Path outputDir = dataDir.folder("outputDir", outputName);
        int maxSentimentCalls = base.config(overrides.keys()).backtest().maxSentimentCalls();
        AlignedCandles candles = null;
        if (captures.isEmpty()) {
            // read now (the run reuses them): a file that cannot serve the period is a 400 before a job is accepted, as
            // it is for a run at once, and a sentiment's cost is known only from the candles' span
            candles = candles(files, paths, inline, from, to);
            if (overrides.settings().usesSentiment()) {
                refuseOverCap(candles, overrides.settings().sentimentEverySeconds(), maxSentimentCalls);
            }
        }
        boolean seedTrackRecord = Boolean.TRUE.equals(request.seedTrackRecord());
        if (seedTrackRecord && seed == null) {
            throw new BacktestInputException("seedTrackRecord", "only the running service keeps a track record to seed: "
                    + "POST /api/backtest with seedTrackRecord");
        }
        if (seedTrackRecord && to != null && to.isAfter(Instant.now())) {
            throw new BacktestInputException("seedTrackRecord", "a seed is learned from data before now only: to is in the future");
        }
        // the market a seed counts for is the one the data says it is of (its content listed as that market's), never a
        // name; hashed when the data is read: candles now, captures when the run reads them (run)
        DataSources.Provenance seedSource = seedTrackRecord && captures.isEmpty() ? DataSources.of(
                DataSources.files(captures, capturePaths, files, paths), !inline.isEmpty(), dataDir) : null;
        WalkForward.Plan walkForward = null;
        if (request.walkForward() != null) {
            if (!captures.isEmpty()) {
                throw new BacktestInputException("walkForward", "walk-forward windows are cut from candles, not captures");
            }
            if (seedTrackRecord) {
                throw new BacktestInputException("seedTrackRecord", "a walk-forward run's windows learn their own records: "
                        + "seed with a plain run");
            }
            walkForward = WalkForward.plan(request.walkForward());
            WalkForward.layout(walkForward, candles.bars());
        }
        return new Checked(captures, files, inline, base, overrides, from, to, offset, limit, paths, capturePaths,
                outputDir, candles, maxSentimentCalls, trials, seedTrackRecord, seedSource, walkForward);
    }

    /** Runs a checked request, telling {@code progress}; {@link Busy} while another backtest runs. */
    BacktestReport run(Checked checked, BacktestRunner.Progress progress) {
        List<String> captures = checked.captures();
        Map<String, String> files = checked.files();
        Map<String, String> inline = checked.inline();
        if (!running.compareAndSet(false, true)) {
            throw new Busy();
        }
        try {
            // a capture is read by the run: its content is hashed now, not when the job was submitted (edited since?)
            DataSources.Provenance seedSource = checked.seedTrackRecord() && !captures.isEmpty()
                    ? DataSources.of(DataSources.files(captures, checked.capturePaths(), files, checked.paths()), !inline.isEmpty(), dataDir)
                    : checked.seedSource();
            MarketTape tape = captures.isEmpty()
                    ? new CandleTape(checked.candles() != null ? checked.candles()
                            : candles(files, checked.paths(), inline, checked.from(), checked.to()))
                    : CaptureTape.of(checked.capturePaths(), captures, CAPTURE_LIMITS);
            Map<String, String> inputs = new LinkedHashMap<>(files);
            for (int i = 0; i < captures.size(); i++) {
                inputs.put("captures[" + i + "]", captures.get(i));
            }
            inline.keySet().forEach(coin -> inputs.put(coin, "csv." + coin));
            return run(checked, tape, inputs, progress, seedSource);
        } finally {
            released();
        }
    }

    /** The run itself, its decisions written to the CSV as they are made (only the requested page kept). */
    private BacktestReport run(Checked checked, MarketTape tape, Map<String, String> inputs, BacktestRunner.Progress progress,
            DataSources.Provenance seedSource) {
        List<String> captures = checked.captures();
        Map<String, String> files = checked.files();
        Map<String, String> inline = checked.inline();
        BacktestConfig base = checked.base();
        Overrides overrides = checked.overrides();
        int offset = checked.offset();
        BacktestAnalyzer analyzer = overrides.settings().mode() == Mode.RULES ? null
                : new BacktestAnalyzer(overrides.settings().analyzerUrl(), Duration.ofSeconds(30));
        ModelQuestionCap cap = analyzer == null ? null
                : new ModelQuestionCap(analyzer::calls, base.config(overrides.keys()).backtest().maxModelCalls());
        try (BacktestReportFiles.Pending pending = reportFiles.begin(overrides.settings().mode().name(), checked.outputDir())) {
            BacktestRunner.Run run;
            try {
                run = new BacktestRunner(base, overrides,
                        analyzer == null ? io.signaldesk.decision.engine.port.AnalyzerPort.NONE : analyzer,
                        sentiment(overrides.settings(), analyzer, checked.maxSentimentCalls()))
                        .run(cap == null ? tape : cap.over(tape), progress, DecisionPage.of(offset, checked.limit(), pending.csv()));
            } catch (DecisionPage.WriteFailed e) { // only the decisions CSV's own failure is the output folder's
                throw new BacktestInputException("outputDir", "cannot write the decisions to " + dataDir.display(checked.outputDir())
                        + " (" + io.signaldesk.common.error.Shorten.text(String.valueOf(e.getCause().getMessage())) + ")");
            } catch (io.signaldesk.decision.engine.port.LedgerUnavailable e) { // the run's scratch ledger, not the desk's
                throw BacktestUnavailable.scratch(e);
            }
            List<String> notes = new ArrayList<>(notes(run.sentiment()));
            if (cap != null && cap.stopped()) {
                notes.add(cap.note(tape.size()));
            }
            notes.add("edge gate (strategy.edge.mode) " + overrides.settings().edge().mode() + ": the run's own track record, learned from its "
                    + "past only (it starts empty, a call counts once its " + overrides.settings().edge().horizonMinutes()
                    + "-minute horizon has passed in market time)");
            if (checked.seedTrackRecord()) {
                notes.add(seed(run, seedSource));
            }
            // the baselines over the bars the run replayed (all of them unless it stopped at the model-question cap)
            AlignedCandles replayed = !(tape instanceof CandleTape candles) ? null
                    : cap != null && cap.stopped() ? candles.data().slice(0, (int) run.frames() + 1) : candles.data();
            BuyAndHold hold = replayed == null ? null : BuyAndHold.of(replayed, overrides.settings());
            BacktestReport.AiUsage ai = analyzer == null ? null
                    : new BacktestReport.AiUsage(overrides.settings().analyzerUrl(), analyzer.calls(), analyzer.failures(),
                            analyzer.averageLatencyMs(), run.sentiment(), analyzer.answered());
            long perSecond = run.frames() * 1000 / run.elapsedMs();
            BacktestSettings settings = overrides.settings();
            FeeModel fees = overrides.strategy().costs();
            Evaluation evaluation = run.from() == null ? null
                    : Evaluation.of(run.calls(), run.trades(), fees,
                            io.signaldesk.decision.engine.SignalScoringService.label(BacktestRunner.longest(settings.horizonsMinutes())),
                            run.from(), run.to(), checked.trials());
            RandomEntries random = evaluation == null || replayed == null ? null
                    : RandomEntries.over(replayed.closes(), replayed.start(), Duration.ofMinutes(1),
                            run.trades(), fees, evaluation.overall().expectancy().meanPct());
            BacktestReport report = new BacktestReport(overrides.settings().mode().name(), tape.kind(), run.from(),
                    run.to(), run.frames(), tape.coins(), inputs, overrides.settings(), List.copyOf(notes), tape.notes(),
                    evaluation == null ? "nothing measured: no market data in the range" : evaluation.verdict(),
                    run.from() == null ? null : Tuning.of(run.from(), run.to(), overrides.strategy()), evaluation, random, run.scoring(),
                    run.paper(), hold, ai, run.decisionCounts(), run.decisionsTotal(), offset, run.decisions(),
                    run.lastTrades(), run.open(), run.elapsedMs(), perSecond, Map.of(), run.edge());
            return pending.finish(report);
        }
    }

    /**
     * Runs {@code tape} through the live engine with {@code settings}' overrides over the service's settings, and
     * returns every decision and figure without writing a report (the replay parity test compares them).
     */
    public BacktestRunner.Run replay(MarketTape tape, BacktestRequest settings) {
        Overrides overrides = Overrides.of(settings, live.get());
        BacktestAnalyzer analyzer = overrides.settings().mode() == Mode.RULES ? null
                : new BacktestAnalyzer(overrides.settings().analyzerUrl(), Duration.ofSeconds(30));
        if (!running.compareAndSet(false, true)) {
            throw new Busy();
        }
        try {
            return new BacktestRunner(live.get(), overrides,
                    analyzer == null ? io.signaldesk.decision.engine.port.AnalyzerPort.NONE : analyzer, sentiment(overrides.settings(), analyzer,
                            live.get().config(overrides.keys()).backtest().maxSentimentCalls())).run(tape);
        } finally {
            released();
        }
    }

    /** The run's scored calls into the service's track record, when its data is all before now; the note says how many. */
    private String seed(BacktestRunner.Run run, DataSources.Provenance source) {
        String market = source.market();
        if (run.to() == null || run.to().isAfter(Instant.now())) {
            throw new BacktestInputException("seedTrackRecord", "a seed is learned from data before now only: the data "
                    + "ends at " + run.to());
        }
        int seeded = seed.seed(run.scoredCalls(), market);
        return "seeded the service's edge track record of " + market + " with " + seeded + " scored calls of data before now ("
                + run.from() + " to " + run.to() + "): " + source.why();
    }

    /** How a backtest differs from the service running live, stated in every report, and what its sentiment came to. */
    static List<String> notes(BacktestReport.SentimentUsage sentiment) {
        List<String> notes = new ArrayList<>();
        notes.add("decided by the live engine (rules, AI policy, exit checks, risk governor, paper fills, scoring) on market time");
        notes.add("a proposal waiting for confirmation is confirmed at once (a trader who confirms every proposal); with "
                + "confirmation off the engine's auto-execution applies as live");
        if (sentiment == null) {
            notes.add("no scheduled AI sentiment: this mode does not read it (RULES, HYBRID with VETO or ADVISORY)");
        } else {
            notes.add(("the analyzer's scheduled sentiment was asked on market time every %d s about the replayed market: "
                    + "%d asks, %d answered by the model, %d by the analyzer's rules, %d failed (no sentiment that round)")
                    .formatted(sentiment.everySeconds(), sentiment.asks(), sentiment.ai(), sentiment.rulesFallback(),
                            sentiment.failed()));
            if (sentiment.skippedOverCap() > 0) {
                notes.add(("sentiment stopped at decision.backtest.max-sentiment-calls: %d later rounds not asked (a capture's "
                        + "length is not known before it is read)").formatted(sentiment.skippedOverCap()));
            }
        }
        notes.add("the service's risk limits apply; its halt does not");
        return List.copyOf(notes);
    }

    /** The scheduled sentiment of a run whose mode reads it (AI, HYBRID with AGREE); null otherwise. */
    private static BacktestSentiment sentiment(BacktestSettings settings, BacktestAnalyzer analyzer, int maxCalls) {
        return analyzer == null || !settings.usesSentiment() ? null
                : new BacktestSentiment(analyzer::sentiment, Duration.ofSeconds(settings.sentimentEverySeconds()), maxCalls);
    }

    /**
     * Refuses a candle run whose sentiment asks (one at the first frame, then one every {@code everySeconds} of market
     * time) would exceed {@code maxCalls}: a model call takes 1-2 s, so the cap bounds a run's time before it starts.
     */
    private static void refuseOverCap(AlignedCandles candles, long everySeconds, int maxCalls) {
        long estimate = BacktestSentiment.estimateForCandles(candles.bars(), Duration.ofSeconds(everySeconds));
        if (estimate <= maxCalls) {
            return;
        }
        long spanSeconds = Math.max(0, candles.bars() - 2L) * 60;
        long everyThatFits = maxCalls <= 1 ? Long.MAX_VALUE : (spanSeconds + maxCalls - 2) / (maxCalls - 1);
        everyThatFits = Math.max(everyThatFits, 60); // frames are a minute apart
        String message = ("this backtest would ask the analyzer's sentiment about %,d times (%,d minutes of market every "
                + "%d s), over decision.backtest.max-sentiment-calls (%,d; a model call takes 1-2 s)").formatted(estimate,
                        spanSeconds / 60, everySeconds, maxCalls);
        if (everyThatFits <= Overrides.MAX_SENTIMENT_EVERY_S) {
            throw new BacktestInputException("sentimentEverySeconds", message + ": set sentimentEverySeconds to at least "
                    + everyThatFits + " or shorten the range with from/to");
        }
        throw new BacktestInputException("to", message + ": shorten the range with from/to");
    }

    /**
     * The files' closes in [{@code from}, {@code to}), at most {@link BacktestBounds#maxCoinMinutes()} over the coins
     * (each file read no further than its share): a longer range is a 400 naming {@code to}, before the heap fills.
     */
    private AlignedCandles candles(Map<String, String> files, Map<String, Path> paths, Map<String, String> inline,
            Instant from, Instant to) {
        int coins = paths.size() + inline.size();
        CandleCsvReader.Keep keep = new CandleCsvReader.Keep(from, to, (int) Math.min(Integer.MAX_VALUE,
                maxCoinMinutes / Math.max(1, coins)));
        List<CandleSeries> series = new ArrayList<>();
        try {
            paths.forEach((coin, path) -> {
                try {
                    series.add(CandleCsvReader.read(coin, files.get(coin), path, keep));
                } catch (CandleFileException e) {
                    throw new BacktestInputException("files." + e.coin(), e.getMessage());
                }
            });
            inline.forEach((coin, text) -> {
                try {
                    series.add(CandleCsvReader.parse(coin, "csv." + coin, text, keep));
                } catch (CandleFileException e) {
                    throw new BacktestInputException("csv." + e.coin(), e.getMessage());
                }
            });
        } catch (CandleCsvReader.TooLong e) {
            throw new BacktestInputException("to", ("%s: a run replays at most %,d coin-minutes here (%,d a coin for %d coin%s: "
                    + "one per %d bytes of the heap's bound, %d MB; it keeps every scored call for its evaluation): "
                    + "shorten the range with from/to or name fewer coins").formatted(e.getMessage(), maxCoinMinutes,
                            keep.maxBars(), coins, coins == 1 ? "" : "s", BacktestBounds.HEAP_BYTES_PER_COIN_MINUTE,
                            maxCoinMinutes * BacktestBounds.HEAP_BYTES_PER_COIN_MINUTE / (1024 * 1024)));
        }
        try {
            return AlignedCandles.align(series, from, to);
        } catch (IllegalArgumentException e) {
            throw new BacktestInputException("files", e.getMessage());
        }
    }
}
