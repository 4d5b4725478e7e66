package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.core.market.Coin;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The backtest from the command line, without the service running: the same live engine on a scratch ledger, with
 * the {@code decision.*} settings the service would start with (see {@link #settings()}). Usage:
 * <pre>
 * BacktestMain [--mode RULES|AI|HYBRID] [--policy VETO] [--fee-pct 0.1] [--slippage-pct 0.05] [--from ISO] [--to ISO]
 *              [--analyzer-url http://localhost:8082] [--sentiment-every 60] [--trials 1] [--out data/backtest]
 *              COIN=file.csv... | file.csv...
 * BacktestMain [options] --captures spot-btcusdt_20240808.gz,spot-ethusdt_20240808.gz
 * BacktestMain [options] --edge-mode gate|advise|off --walk-forward TRAIN,TEST[,STEP[,HOLDOUT]] (hours) [--include-holdout true]
 * </pre>
 * {@code --captures}: raw Binance captures (comma-separated local paths, plain or gzip), replayed as the feed replays
 * them, instead of candles.
 * Exit code 0 when the report was written, 2 on bad input (the message names the file and line).
 */
public final class BacktestMain {

    private BacktestMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else if (arg.matches(Coin.PATTERN + "=.+")) {
                files.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                paths.add(arg);
            }
        }
        BacktestService service = new BacktestService(BacktestMain::settings, DataDirectory.localShell());
        try {
            BacktestRequest request = new BacktestRequest(files.isEmpty() ? null : files,
                    paths.isEmpty() ? null : paths, null, captures(options.get("captures")), options.get("mode"),
                    options.get("policy"), null, null, null, null, null, null, decimal("fee-pct", options.get("fee-pct")),
                    decimal("slippage-pct", options.get("slippage-pct")), null, null, null, null, null, null,
                    options.get("from"), options.get("to"), options.get("analyzer-url"), null, null, options.get("out"),
                    integer("sentiment-every", options.get("sentiment-every")), integer("trials", options.get("trials")),
                    options.get("edge-mode"),
                    walkForward(options.get("walk-forward"), options.get("include-holdout")), null);
            if (request.walkForward() != null) {
                WalkForward.Report report = service.walkForward(request);
                System.out.println(WalkForward.markdown(report));
                return;
            }
            BacktestReport report = service.run(request);
            System.out.println(BacktestMarkdown.render(report));
            System.out.println("Reports: " + report.output());
        } catch (BadInputException e) {
            System.err.println("backtest: " + e.field() + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The settings the service would start with, without booting it: -D system properties, else application.properties
     * on the classpath, else each key's {@code @WithDefault} in {@link DecisionConfig}; the mode, confirmation and risk
     * limits are the configured defaults (a running service's changes live in its database: use POST /api/backtest).
     */
    static BacktestConfig settings() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors().addDiscoveredConverters()
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withMapping(DecisionConfig.class).withValidateUnknown(false).build();
        DecisionConfig d = config.getConfigMapping(DecisionConfig.class);
        DecisionConfig.Risk r = d.risk();
        return new BacktestConfig(BacktestConfig.decisionValues(config),
                new ModeService.ModeSetting(Mode.valueOf(d.defaultMode().toUpperCase(Locale.ROOT)),
                        Policy.valueOf(d.defaultPolicy().toUpperCase(Locale.ROOT))), d.requireConfirmation(),
                d.autoMinConfidence(), new RiskLimits(r.maxPositionPct(), r.maxOpenPositions(), r.maxGrossExposurePct(),
                        r.dailyLossLimitPct(), r.lossCooldownSeconds(), r.maxEntriesPerHour(), r.safeModeAfterFailures(),
                        r.maxSlippagePct()));
    }

    private static List<String> captures(String option) {
        return option == null ? null : List.of(option.split(","));
    }

    private static Integer integer(String option, String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new BacktestInputException("--" + option, "--" + option + " must be a whole number, got '" + text + "'");
        }
    }

    private static BigDecimal decimal(String option, String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BacktestInputException("--" + option, "--" + option + " must be a number, got '" + text + "'");
        }
    }

    /** {@code --walk-forward TRAIN,TEST[,STEP[,HOLDOUT]]} in hours; null when not given. */
    private static BacktestRequest.WalkForward walkForward(String text, String includeHoldout) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        Integer[] hours = new Integer[4];
        for (int i = 0; i < parts.length && i < 4; i++) {
            hours[i] = integer("walk-forward", parts[i].trim());
        }
        return new BacktestRequest.WalkForward(hours[0], hours[1], hours[2], hours[3], Boolean.valueOf(includeHoldout));
    }
}
