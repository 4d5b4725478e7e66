package io.signaldesk.core.edge;

/**
 * What the edge gate said about one entry call, kept on its proposal and its decision so a reader never has to parse a
 * reason text: {@code PROVEN} (its setup has a measured edge after costs: proposed, may execute on its own),
 * {@code UNPROVEN} (no measured edge, gate {@code advise}: proposed, waits for a person), {@code NO_EDGE} (no measured
 * edge, gate {@code gate}: not proposed, logged as a WAIT) or {@code UNGATED} (no measured edge, gate {@code off}:
 * proposed as if there were no gate). An exit, or an entry the model declined before the gate was asked, has none.
 */
public enum EdgeVerdict {
    PROVEN, UNPROVEN, NO_EDGE, UNGATED;

    /** Whether the entry is proposed (every verdict but {@code NO_EDGE}). */
    public boolean proposes() {
        return this != NO_EDGE;
    }

    /** Whether the entry may execute without a person: only on a proven edge, or with the gate off. */
    public boolean mayAutoExecute() {
        return this == PROVEN || this == UNGATED;
    }

    /**
     * What a trader is told beside a proposed entry of this verdict, on its confirm card and in its notification: that
     * its setup has no measured edge after costs ({@code UNPROVEN}, and {@code UNGATED}, which proposes the same entries
     * with the gate off); null for {@code PROVEN} and {@code NO_EDGE} (never proposed).
     */
    public String warning() {
        return switch (this) {
            case UNPROVEN -> "unproven: no measured edge for this setup after costs";
            case UNGATED -> "unproven: no measured edge for this setup after costs (edge gate off)";
            case PROVEN, NO_EDGE -> null;
        };
    }
}
