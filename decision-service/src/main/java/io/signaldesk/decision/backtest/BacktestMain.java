package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.signaldesk.common.error.BadInputException;
import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.service.RulesStrategy;
import io.smallrye.config.WithDefault;

/**
 * The backtest from the command line, without the service running. Reads the same {@code decision.*}
 * settings as the service (see {@link #defaults()}). Usage:
 * <pre>
 * BacktestMain [--mode RULES|AI|HYBRID] [--fee-pct 0.1] [--slippage-pct 0.05] [--from ISO] [--to ISO]
 *              [--analyzer-url http://localhost:8082] [--ai-every 15] [--out data/backtest] COIN=file.csv... | file.csv...
 * </pre>
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
            } else if (arg.matches("[A-Za-z0-9]{2,10}=.+")) {
                files.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                paths.add(arg);
            }
        }
        BacktestService service = new BacktestService(strategy(), defaults(), DataDirectory.localShell());
        try {
            BacktestRequest request = new BacktestRequest(files.isEmpty() ? null : files, paths.isEmpty() ? null : paths,
                    null, options.get("mode"), decimal("fee-pct", options.get("fee-pct")),
                    decimal("slippage-pct", options.get("slippage-pct")), null, null, null, null, null, null,
                    options.get("from"), options.get("to"), options.get("analyzer-url"),
                    options.containsKey("ai-every") ? decimal("ai-every", options.get("ai-every")).intValueExact() : null,
                    options.get("out"));
            BacktestReport report = service.run(request);
            System.out.println(BacktestMarkdown.render(report));
            System.out.println("Reports: " + report.output());
        } catch (BadInputException e) {
            System.err.println("backtest: " + e.field() + ": " + e.getMessage());
            System.exit(2);
        } catch (ArithmeticException e) {
            System.err.println("backtest: --ai-every must be a whole number of minutes");
            System.exit(2);
        }
    }

    private static BigDecimal decimal(String option, String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BacktestInputException("--" + option, "--" + option + " must be a number, got '" + text + "'");
        }
    }

    /**
     * The {@code decision.*} values the backtest uses, read as the service would without booting it: a -D
     * system property, else application.properties on the classpath, else the key's {@code @WithDefault}
     * in {@link DecisionConfig} (read from the annotation, so the defaults are never copied).
     */
    static BacktestService.Defaults defaults() throws IOException {
        Properties file = new Properties();
        try (InputStream in = BacktestMain.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                file.load(in);
            }
        }
        return new BacktestService.Defaults(
                value(file, "paper.fee-pct", DecisionConfig.Paper.class, "feePct"),
                value(file, "paper.slippage-pct", DecisionConfig.Paper.class, "slippagePct"),
                value(file, "scoring.flat-band-pct", DecisionConfig.Scoring.class, "flatBandPct"),
                value(file, "rules.momentum-pct", DecisionConfig.Rules.class, "momentumPct"),
                value(file, "paper.initial-equity", DecisionConfig.Paper.class, "initialEquity"),
                value(file, "paper.default-size-pct", DecisionConfig.Paper.class, "defaultSizePct"),
                value(file, "paper.default-stop-loss-pct", DecisionConfig.Paper.class, "defaultStopLossPct"),
                value(file, "paper.take-profit-pct", DecisionConfig.Paper.class, "takeProfitPct"));
    }

    static RulesStrategy strategy() throws IOException {
        Properties file = new Properties();
        try (InputStream in = BacktestMain.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                file.load(in);
            }
        }
        return new RulesStrategy(value(file, "rules.momentum-pct", DecisionConfig.Rules.class, "momentumPct"),
                value(file, "rules.bid-share", DecisionConfig.Rules.class, "bidShare"),
                value(file, "rules.flow-ratio", DecisionConfig.Rules.class, "flowRatio"));
    }

    private static BigDecimal value(Properties file, String key, Class<?> group, String method) {
        String text = System.getProperty("decision." + key, file.getProperty("decision." + key));
        if (text == null) {
            try {
                text = group.getMethod(method).getAnnotation(WithDefault.class).value();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("DecisionConfig has no " + method, e);
            }
        }
        return new BigDecimal(text.strip());
    }
}
