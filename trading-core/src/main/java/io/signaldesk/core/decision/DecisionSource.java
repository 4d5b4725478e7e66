package io.signaldesk.core.decision;

/** Who decided. Stored and sent by its {@link #label()} ({@code RULES+AI} has a plus). */
public enum DecisionSource {
    /** The rules alone. */
    RULES("RULES"),
    /** The model. */
    AI("AI"),
    /** Both had to agree (HYBRID VETO or AGREE). */
    RULES_AND_AI("RULES+AI"),
    /** The rules, because no model answer arrived; a {@link FallbackReason} says why. */
    RULES_FALLBACK("RULES_FALLBACK"),
    /** A person, through the API (a manual close or write-off). */
    OPERATOR("OPERATOR");

    private final String label;

    DecisionSource(String label) {
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return label;
    }

    /** The source with this label (or constant name), case-insensitive; empty for anything else. */
    public static java.util.Optional<DecisionSource> fromLabel(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (DecisionSource source : values()) {
            if (source.label.equalsIgnoreCase(text) || source.name().equalsIgnoreCase(text)) {
                return java.util.Optional.of(source);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
