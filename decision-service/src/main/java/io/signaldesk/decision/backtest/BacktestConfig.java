package io.signaldesk.decision.backtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.signaldesk.common.config.StrategyConfig;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The service's settings as a backtest starts from them: its {@code decision.*} and {@code strategy.*} configuration (resolved values, the
 * mapping's defaults for the rest) and the run-time choices kept in its database (mode and policy, confirmation,
 * risk limits; not the halt, an operator's switch). {@link #config} builds the same {@link DecisionConfig} mapping
 * the service reads, with a backtest's overrides on top.
 */
public record BacktestConfig(Map<String, String> values, ModeSetting mode, boolean requireConfirmation,
        int autoMinConfidence, RiskLimits limits) {

    /** The {@code decision.*} values of a running configuration, resolved (profile and expressions applied). */
    public static Map<String, String> decisionValues(Config config) {
        Map<String, String> values = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("decision.") || name.startsWith("strategy.")
                    || name.equals("quarkus.rest-client.ai-analyzer.url")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> values.put(name, value));
            }
        }
        return values;
    }

    /** The mapping over {@link #values} with {@code overrides} (full {@code decision.*} keys) on top. */
    public DecisionConfig config(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(values);
        all.putAll(overrides);
        return build(all, DecisionConfig.class);
    }

    /** The strategy of {@link #values} ({@code strategy.*}, the mapping's defaults for the rest): the record a backtest overrides. */
    public StrategySettings strategy() {
        return build(values, StrategyConfig.class).settings();
    }

    private static <T> T build(Map<String, String> values, Class<T> mapping) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "backtest", 500))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(mapping)
                .withValidateUnknown(false)
                .build();
        return config.getConfigMapping(mapping);
    }
}
