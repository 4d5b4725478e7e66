package io.signaldesk.decision.engine;


import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.port.TradeLedger;

/** The engine's current mode and hybrid policy, switchable at run time and kept across restarts. */
public class ModeService {

    /** Mode and policy together. */
    @RegisterForReflection
    public record ModeSetting(Mode mode, Policy policy) {
    }

    private final TradeLedger ledger;
    private final DecisionConfig config;
    private volatile ModeSetting current;

    ModeService(TradeLedger ledger, DecisionConfig config, MeterRegistry registry) {
        this.ledger = ledger;
        this.config = config;
        for (Mode mode : Mode.values()) {
            registry.gauge("decision.mode", java.util.List.of(io.micrometer.core.instrument.Tag.of("mode", mode.name())),
                    this, s -> s.current().mode() == mode ? 1 : 0);
        }
    }

    public ModeSetting current() {
        ModeSetting setting = current;
        if (setting == null) {
            Mode mode = ledger.setting("mode").map(Mode::valueOf).orElse(Mode.valueOf(config.defaultMode()));
            Policy policy = ledger.setting("policy").map(Policy::valueOf)
                    .orElse(Policy.valueOf(config.defaultPolicy()));
            setting = new ModeSetting(mode, policy);
            current = setting;
        }
        return setting;
    }

    public synchronized ModeSetting change(Mode mode, Policy policy) {
        ModeSetting setting = new ModeSetting(mode, policy == null ? current().policy() : policy);
        ledger.saveSetting("mode", setting.mode().name());
        ledger.saveSetting("policy", setting.policy().name());
        current = setting;
        return setting;
    }
}
