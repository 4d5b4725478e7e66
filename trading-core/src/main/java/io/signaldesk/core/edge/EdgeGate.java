package io.signaldesk.core.edge;

import java.util.Locale;

/**
 * Whether an entry may be proposed on its setup's measured edge. {@code GATE} (the default): only where the setup is
 * {@linkplain EdgeEstimate#proven proven}, else the call is a WAIT "no measured edge"; {@code ADVISE}: proposed anyway,
 * marked unproven (and never executed without a person); {@code OFF}: no gate. Every call made is scored in each mode,
 * so a gated setup of the rules can earn its way back; under {@code GATE} the decision engine does not ask the model live
 * about a setup measured without edge (its answer could not trade) but probes it on idle time (strategy.edge.probe-every),
 * scoring the answers into the same record, so the model's setups can earn their way back too.
 */
public enum EdgeGate {
    GATE, ADVISE, OFF;

    /** The reason text of a call the gate stopped. */
    public static final String NO_EDGE = "no measured edge";
    /** The mark of a proposal made without a proven edge (advise). */
    public static final String UNPROVEN = "unproven";

    /** {@code gate}, {@code advise} or {@code off}, any case. */
    public static EdgeGate parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("edge mode must be gate, advise or off, got '" + text + "'");
        }
    }

    /** The gate's verdict on an entry whose setup measures {@code estimate}. */
    public EdgeVerdict verdict(EdgeEstimate estimate) {
        if (estimate.proven()) {
            return EdgeVerdict.PROVEN;
        }
        return switch (this) {
            case GATE -> EdgeVerdict.NO_EDGE;
            case ADVISE -> EdgeVerdict.UNPROVEN;
            case OFF -> EdgeVerdict.UNGATED;
        };
    }

    /** Whether an entry on {@code estimate}'s setup is proposed. */
    public boolean proposes(EdgeEstimate estimate) {
        return this != GATE || estimate.proven();
    }

    /** Whether an entry on {@code estimate}'s setup may execute without a person: only on a proven edge (or gate off). */
    public boolean mayAutoExecute(EdgeEstimate estimate) {
        return this == OFF || estimate.proven();
    }
}
