package io.signaldesk.core.exit;

/** Why an exit check (rules and/or the analyzer's exit answer) runs now. */
public enum ExitCheckReason {
    SCHEDULED("scheduled exit check"),
    ADVERSE_MOVE("adverse move since last check");

    private final String text;

    ExitCheckReason(String text) {
        this.text = text;
    }

    /** The words the audit trail shows. */
    public String text() {
        return text;
    }
}
