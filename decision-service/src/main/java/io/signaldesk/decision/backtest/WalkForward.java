package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.evaluation.Expectancy;
import io.signaldesk.core.evaluation.Scorecard;
import io.signaldesk.core.evaluation.Trade;
import io.signaldesk.core.evaluation.Verdict;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.strategy.Tuning;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Fill;

/**
 * A backtest as rolling train/test windows over candles. Each window runs a fresh engine (its own scratch ledger and
 * edge track record) over its train hours and then its test hours; only the test hours are measured: the equity from
 * the test's first frame to its end, the fills in it. So whatever the engine learns (the edge gate's track record)
 * comes from the window's past only, and every figure reported is out of sample. The last {@code holdoutHours} of the
 * data are not read unless {@code includeHoldout}.
 */
final class WalkForward {

    static final int MAX_HOURS = 24 * 366;
    static final int MAX_WINDOWS = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The checked request: lengths in hours, the holdout kept out unless included. */
    record Plan(int trainHours, int testHours, int stepHours, int holdoutHours, boolean includeHoldout) {
    }

    /**
     * One window's test hours, measured: the account's return and fees, and {@code expectancy}, the net result a trade
     * after costs of the round trips entered in them, with its 95 % interval (bootstrap of whole UTC days; none under
     * {@link Expectancy#MIN_DAYS} days).
     */
    @RegisterForReflection
    public record Window(int index, Instant trainFrom, Instant testFrom, Instant testTo, BigDecimal returnPct,
            BigDecimal netPnl, int entries, int roundTrips, int wins, BigDecimal winRate, BigDecimal fees,
            int entriesStoppedByGate, int entriesProposed, BigDecimal buyAndHoldReturnPct, Expectancy expectancy) {
    }

    /**
     * Out-of-sample figures only: per window and summed ({@code returnPct} compounds the windows' returns; always-WAIT
     * earns 0 %). {@code holdout} says which hours were kept out (null when included). Out of sample for each window's
     * own track record; {@code sample} says whether the test hours overlap the data the defaults were tuned on
     * ({@link Tuning}), which no window's training undoes. {@code verdict} judges the round trips entered in all test
     * hours together as a plain backtest's verdict does ({@link Verdict}): {@code expectancy} a trade after costs with its
     * interval, beside {@code alwaysLong} and {@code alwaysShort} taking the same entries and exits; {@code edge} only
     * when the interval lies above zero.
     */
    @RegisterForReflection
    public record Report(String mode, List<String> coins, BacktestSettings settings, Plan plan, Instant dataFrom,
            Instant dataTo, String holdout, List<Window> windows, BigDecimal returnPct, BigDecimal netPnl, int entries,
            int roundTrips, int wins, BigDecimal winRate, BigDecimal fees, int entriesStoppedByGate, int entriesProposed,
            int windowsBelowZero, String verdict, boolean edge, Expectancy expectancy, Expectancy alwaysLong,
            Expectancy alwaysShort, Tuning.Sample sample, List<String> notes, long frames, long elapsedMs,
            Map<String, String> output) {

        /** The report naming the files it was written to ({@code json}, {@code markdown}). */
        Report withOutput(Map<String, String> written) {
            return new Report(mode, coins, settings, plan, dataFrom, dataTo, holdout, windows, returnPct, netPnl, entries,
                    roundTrips, wins, winRate, fees, entriesStoppedByGate, entriesProposed, windowsBelowZero, verdict, edge,
                    expectancy, alwaysLong, alwaysShort, sample, notes, frames, elapsedMs, Map.copyOf(written));
        }
    }

    /** How the plan cuts {@code bars} of candles: {@code count} windows, lengths in bars, the bars held out. */
    record Layout(int count, int train, int test, int step, int holdoutBars) {
    }

    private WalkForward() {
    }

    /** Checks the request's {@code walkForward} (a 400 naming the field). */
    static Plan plan(BacktestRequest.WalkForward w) {
        int train = hours("walkForward.trainHours", w.trainHours(), null);
        int test = hours("walkForward.testHours", w.testHours(), null);
        int step = hours("walkForward.stepHours", w.stepHours(), test);
        if (step < test) {
            throw new BacktestInputException("walkForward.stepHours", "walkForward.stepHours must be at least testHours ("
                    + test + "): test windows may not overlap, or the same hours would count twice");
        }
        int holdout = w.holdoutHours() == null ? test : w.holdoutHours();
        if (holdout < 0 || holdout > MAX_HOURS) {
            throw new BacktestInputException("walkForward.holdoutHours", "walkForward.holdoutHours must be 0-" + MAX_HOURS
                    + ", got " + holdout);
        }
        return new Plan(train, test, step, holdout, Boolean.TRUE.equals(w.includeHoldout()));
    }

    private static int hours(String field, Integer given, Integer fallback) {
        if (given == null && fallback == null) {
            throw new BacktestInputException(field, field + " is required (hours, 1-" + MAX_HOURS + ")");
        }
        int value = given == null ? fallback : given;
        if (value < 1 || value > MAX_HOURS) {
            throw new BacktestInputException(field, field + " must be 1-" + MAX_HOURS + " hours, got " + value);
        }
        return value;
    }

    /**
     * Checks that {@code plan} fits {@code bars} of candles (a 400 naming the field otherwise): asked before a run, so a
     * job is refused at once as a run at once is.
     */
    static Layout layout(Plan plan, int bars) {
        int holdoutBars = plan.includeHoldout() ? 0 : plan.holdoutHours() * 60;
        int usable = bars - holdoutBars;
        int train = plan.trainHours() * 60;
        int test = plan.testHours() * 60;
        int step = plan.stepHours() * 60;
        if (train + test > usable) {
            throw new BacktestInputException("walkForward.trainHours", ("train + test (%d h) do not fit in the %d h of data "
                    + "before the holdout (%d h kept out)").formatted(plan.trainHours() + plan.testHours(),
                            Math.max(0, usable) / 60, holdoutBars / 60));
        }
        int count = (usable - train - test) / step + 1;
        if (count > MAX_WINDOWS) {
            throw new BacktestInputException("walkForward.stepHours", "this makes " + count + " windows, at most "
                    + MAX_WINDOWS + ": take a longer step");
        }
        return new Layout(count, train, test, step, holdoutBars);
    }

    /**
     * Runs every window of {@code plan} over {@code data} with {@code runner} (a fresh engine each), telling
     * {@code progress} the frames of all windows together; a cancel stops the window that runs
     * ({@link BacktestRunner.Cancelled}). {@code strategy}: the run's, for what the report says of its test hours
     * against the defaults' tuning.
     */
    static Report run(Plan plan, AlignedCandles data, BacktestSettings settings, StrategySettings strategy,
            Function<Instant, BacktestRunner> runner, BacktestRunner.Progress progress) {
        return run(plan, data, settings, strategy, runner, progress, null);
    }

    /**
     * The same, the model's questions bounded by {@code cap} (null: none): the window in which they reach it stops there,
     * is not measured whole and so left out, and no later window runs; the report's notes say so.
     */
    static Report run(Plan plan, AlignedCandles data, BacktestSettings settings, StrategySettings strategy,
            Function<Instant, BacktestRunner> runner, BacktestRunner.Progress progress, ModelQuestionCap cap) {
        long started = System.nanoTime();
        Layout layout = layout(plan, data.bars());
        int train = layout.train();
        int test = layout.test();
        List<Window> windows = new ArrayList<>();
        List<Trade> outOfSample = new ArrayList<>();
        long done = 0;
        String capped = null;
        for (int i = 0; i < layout.count(); i++) {
            int from = i * layout.step();
            CandleTape tape = new CandleTape(data.slice(from, from + train + test));
            if (i == 0) {
                progress.started(tape.size() < 0 ? -1 : tape.size() * (long) layout.count()); // every window as long
            }
            long before = done;
            Instant testFrom = data.time(from + train);
            BacktestRunner.Run run = runner.apply(testFrom).run(cap == null ? tape : cap.over(tape),
                    (frames, at) -> progress.at(before + frames, at));
            done += run.frames();
            if (cap != null && cap.stopped()) {
                capped = cap.note(-1) + "; walk-forward: window " + (i + 1) + " of " + layout.count()
                        + " stopped there and is left out with the windows after it";
                break;
            }
            BuyAndHold hold = BuyAndHold.of(data.slice(from + train, from + train + test), settings);
            List<Trade> trades = run.trades().stream().filter(t -> !t.entryAt().isBefore(testFrom)).toList();
            outOfSample.addAll(trades);
            windows.add(window(i + 1, data.time(from), testFrom,
                    data.time(from + train + test), run, hold, trades));
        }
        return report(plan, data, settings, strategy, windows, outOfSample, layout.holdoutBars(), done,
                (System.nanoTime() - started) / 1_000_000, capped);
    }

    private static Window window(int index, Instant trainFrom, Instant testFrom, Instant testTo, BacktestRunner.Run run,
            BuyAndHold hold, List<Trade> trades) {
        BigDecimal start = run.equityAtMeasureStart();
        BigDecimal net = run.paper().finalEquity().subtract(start);
        int entries = 0;
        int trips = 0;
        int wins = 0;
        BigDecimal fees = BigDecimal.ZERO;
        for (Fill fill : run.fills()) {
            if (fill.at().isBefore(testFrom)) {
                continue;
            }
            fees = fees.add(fill.fee());
            if (fill.kind() == ProposalKind.ENTRY) {
                entries++;
            } else {
                trips++;
                wins += fill.realizedPnl().signum() > 0 ? 1 : 0;
            }
        }
        int stopped = 0;
        int proposed = 0;
        for (BacktestDecision d : run.decisions()) {
            if (d.marketAt() != null && !d.marketAt().isBefore(testFrom) && "ENTRY".equals(d.kind())) {
                stopped += "NO_EDGE".equals(d.outcome()) ? 1 : 0;
                proposed += "PROPOSED".equals(d.outcome()) ? 1 : 0;
            }
        }
        return new Window(index, trainFrom, testFrom, testTo, pct(net, start), net.setScale(2, RoundingMode.HALF_EVEN),
                entries, trips, wins, rate(wins, trips), fees.setScale(2, RoundingMode.HALF_EVEN), stopped, proposed,
                hold.returnPct(), Expectancy.byDay(trades));
    }

    private static Report report(Plan plan, AlignedCandles data, BacktestSettings settings, StrategySettings strategy,
            List<Window> windows, List<Trade> outOfSample, int holdoutBars, long frames, long elapsedMs, String capped) {
        BigDecimal growth = BigDecimal.ONE;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        int entries = 0;
        int trips = 0;
        int wins = 0;
        int stopped = 0;
        int proposed = 0;
        int below = 0;
        for (Window w : windows) {
            growth = growth.multiply(BigDecimal.ONE.add(w.returnPct().divide(HUNDRED)));
            net = net.add(w.netPnl());
            fees = fees.add(w.fees());
            entries += w.entries();
            trips += w.roundTrips();
            wins += w.wins();
            stopped += w.entriesStoppedByGate();
            proposed += w.entriesProposed();
            below += w.returnPct().signum() < 0 ? 1 : 0;
        }
        Instant dataTo = data.time(data.bars());
        String holdout = holdoutBars == 0 ? null
                : "kept out, not read: %s → %s (%d h; includeHoldout to run it)".formatted(
                        data.time(data.bars() - holdoutBars), dataTo, holdoutBars / 60);
        List<String> notes = new ArrayList<>(List.of(
                "out-of-sample figures only: each window's engine starts empty and learns (its edge track record) from "
                        + "its train hours and the test hours already past; only its test hours are measured",
                "returnPct compounds the windows' test returns; always-WAIT earns 0 % in each",
                "the verdict and expectancy judge the round trips entered in the test hours (a position still open at a "
                        + "window's end is in its return, not in them)"));
        if (capped != null) {
            notes.add(capped);
        }
        Scorecard judged = Scorecard.of(List.of(), outOfSample, strategy.costs(),
                windows.isEmpty() ? data.start() : windows.get(0).testFrom(),
                windows.isEmpty() ? dataTo : windows.get(windows.size() - 1).testTo(), 1);
        return new Report(settings.mode().name(), data.coins(), settings, plan, data.start(), dataTo, holdout,
                List.copyOf(windows), growth.subtract(BigDecimal.ONE).multiply(HUNDRED).setScale(4, RoundingMode.HALF_EVEN),
                net, entries, trips, wins, rate(wins, trips), fees, stopped, proposed, below, Verdict.of(judged),
                judged.expectancy().positive(), judged.expectancy(), judged.alwaysLong(), judged.alwaysShort(),
                windows.isEmpty() ? null : Tuning.of(windows.get(0).testFrom(),
                        windows.get(windows.size() - 1).testTo().minus(Duration.ofMinutes(1)), strategy),
                List.copyOf(notes), frames, elapsedMs, Map.of());
    }

    /** "-0.281 % [-0.335, -0.244]", or "–" without trades. */
    private static String perTrade(Expectancy e) {
        return e.trades() == 0 ? "–" : Verdict.pct(e.meanPct()) + " %" + Verdict.interval(e);
    }

    private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal rate(int hits, int of) {
        return of == 0 ? null : BigDecimal.valueOf(hits).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_EVEN);
    }

    /** The report as Markdown: the windows' test hours, then the sum. */
    static String markdown(Report r) {
        StringBuilder md = new StringBuilder("# Walk-forward, " + r.mode() + ", edge " + r.settings().edge().mode() + "\n\n");
        md.append("%s, %s → %s; train %d h, test %d h, step %d h; holdout: %s\n\n".formatted(String.join(", ", r.coins()),
                r.dataFrom(), r.dataTo(), r.plan().trainHours(), r.plan().testHours(), r.plan().stepHours(),
                r.holdout() == null ? "included" : r.holdout()));
        md.append("**Out of sample: " + r.verdict() + "**\n\n");
        md.append("| window | test from | test to | return | a trade after costs [95 %] | round trips | won | fees "
                + "| stopped by gate | buy & hold |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Window w : r.windows()) {
            md.append("| %d | %s | %s | %s %% | %s | %d | %s | %s | %d | %s %% |\n".formatted(w.index(), w.testFrom(),
                    w.testTo(), w.returnPct().toPlainString(), perTrade(w.expectancy()), w.roundTrips(),
                    w.winRate() == null ? "–" : w.winRate().toPlainString(), w.fees().toPlainString(),
                    w.entriesStoppedByGate(), w.buyAndHoldReturnPct().toPlainString()));
        }
        md.append(("\n**Test hours, out of sample for each window's track record: %s %% (always-WAIT 0 %%), %d round trips, "
                + "won %s, fees %s, %d of %d windows below zero.**\n").formatted(r.returnPct().toPlainString(), r.roundTrips(),
                        r.winRate() == null ? "–" : r.winRate().toPlainString(), r.fees().toPlainString(),
                        r.windowsBelowZero(), r.windows().size()));
        md.append("\nA trade after costs, all test hours: %s; the same entries and exits always long %s, always short %s.\n"
                .formatted(perTrade(r.expectancy()), perTrade(r.alwaysLong()), perTrade(r.alwaysShort())));
        if (r.sample() != null) {
            md.append("\n").append(BacktestMarkdown.sample(r.sample())).append("\n");
        }
        r.notes().forEach(n -> md.append("\n- ").append(n));
        return md.append("\n").toString();
    }
}
