package io.signaldesk.analyzer.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.signaldesk.analyzer.client.OllamaStats;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisSource;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.domain.MachineReport;
import io.signaldesk.core.decision.FallbackReason;

/**
 * The user's machine as Ollama reports it: moving averages of prefill and decode rates per model (from
 * prompt_eval_count/duration and eval_count/duration) and of each analysis type's tokens, so the analyzer can
 * predict how long an answer takes here and say so plainly when the deadline is out of reach.
 */
@ApplicationScoped
public class MachineRates {

    static final long WINDOW_NANOS = 15L * 60 * 1_000_000_000;
    private static final double WEIGHT = 0.2;

    private final long deadlineMs;
    private final Map<String, Rates> byModel = new ConcurrentHashMap<>();
    private final Map<String, Map<AnalysisType, Tokens>> tokens = new ConcurrentHashMap<>();
    private final Deque<long[]> answers = new ArrayDeque<>();

    @Inject
    public MachineRates(AnalyzerConfig config) {
        this(config.deadline());
    }

    MachineRates(Duration deadline) {
        this.deadlineMs = deadline.toMillis();
    }

    /** One finished model call (its statistics), with how many output tokens came before its decision. */
    public void observe(String model, AnalysisType type, OllamaStats stats, int tokensToSignal) {
        Rates rates = byModel.computeIfAbsent(model, m -> new Rates());
        synchronized (rates) {
            rates.prefill = average(rates.prefill, stats.prefillRate());
            rates.decode = average(rates.decode, stats.decodeRate());
            if (stats.loadNanos() > 50_000_000) {
                rates.lastLoadMs = stats.loadNanos() / 1_000_000;
            }
        }
        if (type == null) {
            return;
        }
        Tokens t = tokens.computeIfAbsent(model, m -> new ConcurrentHashMap<>()).computeIfAbsent(type, k -> new Tokens());
        synchronized (t) {
            t.prompt = average(t.prompt, stats.promptEvalCount());
            t.output = average(t.output, stats.evalCount());
            if (tokensToSignal > 0) {
                t.toSignal = average(t.toSignal, tokensToSignal);
            }
            t.samples++;
        }
    }

    /**
     * One call stopped before Ollama's final account (cut after its decision, or put back while writing), which Ollama
     * then never sends: what the call measured still counts, so an analysis the desk always cuts (the sentiment on a busy
     * desk) is predicted from this machine too. Its decode rate from the pieces after the first; its tokens to the
     * decision when it had one; its prompt's read time, as tokens at the measured prefill rate (Ollama reports a
     * prompt's token count only at the end), when its model was resident (a load would count in the read).
     *
     * @param readNanos from the request to the first piece, less one piece's time (as {@link OllamaStats#of})
     * @param pieces pieces written, the first included
     * @param decodeNanos from the first piece to the last
     * @param tokensToSignal pieces up to its decision, 0 when it had none
     */
    public void observeStopped(String model, AnalysisType type, long readNanos, int pieces, long decodeNanos,
            int tokensToSignal, boolean resident) {
        Rates rates = byModel.computeIfAbsent(model, m -> new Rates());
        double prefill;
        synchronized (rates) {
            if (pieces >= 5 && decodeNanos > 0) {
                rates.decode = average(rates.decode, (pieces - 1) * 1e9 / decodeNanos);
            }
            prefill = rates.prefill;
        }
        if (type == null) {
            return;
        }
        Tokens t = tokens.computeIfAbsent(model, m -> new ConcurrentHashMap<>()).computeIfAbsent(type, k -> new Tokens());
        synchronized (t) {
            if (resident && prefill > 0 && readNanos > 0) {
                t.prompt = average(t.prompt, readNanos * prefill / 1e9);
            }
            if (tokensToSignal > 0) {
                t.toSignal = average(t.toSignal, tokensToSignal);
            }
        }
    }

    /**
     * The prompt tokens a read of {@code readNanos} took on {@code model} at its measured prefill rate; 0 when the rate
     * is not measured yet or the model was not {@code resident} (a load would count in the read).
     */
    public int promptTokensRead(String model, long readNanos, boolean resident) {
        Rates rates = byModel.get(model);
        if (rates == null || !resident || readNanos <= 0) {
            return 0;
        }
        double prefill;
        synchronized (rates) {
            prefill = rates.prefill;
        }
        return (int) Math.round(readNanos * prefill / 1e9);
    }

    /** {@code model} was loaded in {@code nanos} (a preload at start or on a switch; a model already loaded takes no time). */
    public void loaded(String model, long nanos) {
        if (nanos > 50_000_000) {
            Rates rates = byModel.computeIfAbsent(model, m -> new Rates());
            synchronized (rates) {
                rates.lastLoadMs = nanos / 1_000_000;
            }
        }
    }

    /** One answer given to a caller: from a model call, from the cache of earlier model answers, or from the rules. */
    public void answered(AnalysisSource source, FallbackReason reason) {
        if (reason == FallbackReason.MODE_RULES) {
            return; // the user chose rules: not a sign of the machine
        }
        long now = System.nanoTime();
        synchronized (answers) {
            answers.addLast(new long[] {now, source.ordinal()});
            while (!answers.isEmpty() && now - answers.peekFirst()[0] > WINDOW_NANOS) {
                answers.removeFirst();
            }
        }
    }

    public MachineReport report(String model) {
        Rates rates = byModel.get(model);
        Map<AnalysisType, MachineReport.Prediction> predictions = new EnumMap<>(AnalysisType.class);
        Map<AnalysisType, Tokens> perType = tokens.getOrDefault(model, Map.of());
        if (rates != null && rates.prefill > 0 && rates.decode > 0) {
            perType.forEach((type, t) -> {
                synchronized (t) {
                    if (t.samples == 0) {
                        return; // only stopped calls so far: no whole answer measured
                    }
                    double toSignal = t.toSignal > 0 ? t.toSignal : t.output;
                    long prefillMs = Math.round(t.prompt / rates.prefill * 1000);
                    predictions.put(type, new MachineReport.Prediction(
                            prefillMs + Math.round(toSignal / rates.decode * 1000),
                            prefillMs + Math.round(t.output / rates.decode * 1000),
                            round(t.prompt), round(toSignal), round(t.output), t.samples));
                }
            });
        }
        long[] bySource = bySource();
        long all = bySource[AnalysisSource.AI.ordinal()] + bySource[AnalysisSource.CACHE.ordinal()]
                + bySource[AnalysisSource.RULES.ordinal()];
        Double modelShare = all == 0 ? null : round2((double) bySource[AnalysisSource.AI.ordinal()] / all);
        Double rulesShare = all == 0 ? null : round2((double) bySource[AnalysisSource.RULES.ordinal()] / all);
        return new MachineReport(model, rates == null || rates.prefill == 0 ? null : round(rates.prefill),
                rates == null || rates.decode == 0 ? null : round(rates.decode), rates == null ? null : rates.lastLoadMs,
                predictions, modelShare, rulesShare, (int) all, bySource[AnalysisSource.AI.ordinal()],
                bySource[AnalysisSource.CACHE.ordinal()], bySource[AnalysisSource.RULES.ordinal()], deadlineMs,
                warnings(model, predictions, rulesShare, (int) all));
    }

    /** Assumed for a model not loaded whose load was never timed here: an 8 GB Mac's load of a 2 GB model from the page cache, with room. */
    static final long UNTIMED_LOAD_NANOS = 1_500_000_000L;
    /** Tokens before the decision assumed for an analysis never answered here (the sentiment's decision fields take about 18). */
    static final int UNMEASURED_TO_SIGNAL = 24;

    /**
     * What the next call of {@code type} on {@code model} is predicted to cost before it can be cut without holding anyone
     * ({@link IdleWindow.Cost}): its load when not {@code resident}, its uncached prompt at the measured prefill rate (the
     * mean evaluated tokens of that analysis, stopped calls' reads included ({@link #observeStopped}), or, never measured
     * here, the question's characters at 3.5 a token, with the whole system prompt when the model was never asked), its
     * tokens to the decision (measured, else {@link #UNMEASURED_TO_SIGNAL}) at the measured decode rate. A model never
     * measured borrows the rates and load time of one that was; null when none was. {@link IdleWindow.Cost#measured}
     * says whether the model's rates and the analysis's tokens were all measured here.
     */
    public IdleWindow.Cost cost(String model, AnalysisType type, int questionChars, int systemChars, boolean resident) {
        Rates own = byModel.get(model);
        boolean measured = own != null && own.prefill > 0 && own.decode > 0;
        Rates rates = measured ? own
                : byModel.values().stream().filter(r -> r.prefill > 0 && r.decode > 0).findFirst().orElse(null);
        if (rates == null) {
            return null;
        }
        double prefill;
        double decode;
        synchronized (rates) {
            prefill = rates.prefill;
            decode = rates.decode;
        }
        Long loadMs = own != null && own.lastLoadMs != null ? own.lastLoadMs
                : byModel.values().stream().map(r -> r.lastLoadMs).filter(ms -> ms != null).findFirst().orElse(null);
        Tokens t = type == null ? null : tokens.getOrDefault(model, Map.of()).get(type);
        double prompt = 0;
        double toSignal = 0;
        if (t != null) {
            synchronized (t) {
                prompt = t.prompt;
                toSignal = t.toSignal > 0 ? t.toSignal : t.output;
            }
        }
        boolean typeMeasured = measured && prompt > 0 && toSignal > 0;
        if (prompt <= 0) {
            prompt = (questionChars + (measured ? 0 : systemChars)) / 3.5;
        }
        if (toSignal <= 0) {
            toSignal = UNMEASURED_TO_SIGNAL;
        }
        long load = resident ? 0 : loadMs != null ? loadMs * 1_000_000 : UNTIMED_LOAD_NANOS;
        return new IdleWindow.Cost(load, Math.round(prompt / prefill * 1e9), Math.round(toSignal / decode * 1e9),
                typeMeasured);
    }

    /**
     * How long {@code model} is predicted to go on writing an answer of {@code type} that has {@code written} tokens so
     * far: the rest of that analysis's mean output at the measured decode rate; 0 when not measured.
     */
    public long outputLeftNanos(String model, AnalysisType type, int written) {
        Rates rates = byModel.get(model);
        Tokens t = type == null ? null : tokens.getOrDefault(model, Map.of()).get(type);
        if (rates == null || t == null) {
            return 0;
        }
        double decode;
        synchronized (rates) {
            decode = rates.decode;
        }
        double output;
        synchronized (t) {
            output = t.output;
        }
        return decode <= 0 ? 0 : Math.round(Math.max(0, output - written) / decode * 1e9);
    }

    /** Predicted time to a decision for another model, scaled from a prediction measured on this machine. */
    public static Long scaled(MachineReport.Prediction measured, double measuredParamsB, double otherParamsB) {
        if (measured == null || measuredParamsB <= 0 || otherParamsB <= 0) {
            return null;
        }
        // prefill and decode both slow down about in proportion to the parameters (compute and bytes per token)
        return Math.round(measured.timeToSignalMs() * otherParamsB / measuredParamsB);
    }

    private List<String> warnings(String model, Map<AnalysisType, MachineReport.Prediction> predictions,
            Double rulesShare, int answered) {
        List<String> warnings = new ArrayList<>();
        MachineReport.Prediction entry = predictions.getOrDefault(AnalysisType.ENTRY, predictions.get(AnalysisType.SENTIMENT));
        if (entry != null && entry.timeToSignalMs() > deadlineMs) {
            warnings.add(String.format(Locale.US,
                    "%s needs about %.1f s to a decision on this machine, past the %.1f s deadline: most answers will "
                            + "come from the rules. Try a smaller model such as %s.",
                    model, entry.timeToSignalMs() / 1000.0, deadlineMs / 1000.0, smaller(model)));
        } else if (entry != null && entry.timeToSignalMs() > deadlineMs * 3 / 4) {
            warnings.add(String.format(Locale.US,
                    "%s needs about %.1f s to a decision on this machine, close to the %.1f s deadline: a busy model "
                            + "will miss it now and then (rules answer). A smaller model such as %s has room to spare.",
                    model, entry.timeToSignalMs() / 1000.0, deadlineMs / 1000.0, smaller(model)));
        }
        if (rulesShare != null && answered >= 10 && rulesShare > 0.2) {
            warnings.add(String.format(Locale.US, "%d %% of the last %d answers came from the rules, not the model "
                    + "(see fallback reasons).", Math.round(rulesShare * 100), answered));
        }
        return warnings;
    }

    static String smaller(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        if (name.contains(":1b")) {
            return "a quantised 1B model, or a faster machine";
        }
        return name.contains(":3b") ? "llama3.2:1b" : "llama3.2:3b or llama3.2:1b";
    }

    /** Answers of the last 15 minutes, counted by source (indexed by {@link AnalysisSource#ordinal()}). */
    private long[] bySource() {
        long now = System.nanoTime();
        long[] counts = new long[AnalysisSource.values().length];
        synchronized (answers) {
            for (long[] answer : answers) {
                if (now - answer[0] <= WINDOW_NANOS) {
                    counts[(int) answer[1]]++;
                }
            }
        }
        return counts;
    }

    private static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static double average(double current, double sample) {
        if (sample <= 0) {
            return current;
        }
        return current == 0 ? sample : current + WEIGHT * (sample - current);
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    private static final class Rates {
        double prefill;
        double decode;
        Long lastLoadMs;
    }

    private static final class Tokens {
        double prompt;
        double toSignal;
        double output;
        /** Whole answers (Ollama's account); stopped calls measure only some of the figures. */
        int samples;
    }
}
