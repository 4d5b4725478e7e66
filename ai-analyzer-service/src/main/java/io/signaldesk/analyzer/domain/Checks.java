package io.signaldesk.analyzer.domain;

/** Invariants shared by the analysis results, whoever produced them (model or rules). */
final class Checks {

    static final int MAX_REASON_LENGTH = 200;

    private Checks() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    static void confidence(int confidence) {
        if (confidence < 1 || confidence > 10) {
            throw new IllegalArgumentException("confidence must be 1-10, was " + confidence);
        }
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is missing");
        }
        String trimmed = reason.strip();
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason longer than " + MAX_REASON_LENGTH + " characters");
        }
        return trimmed;
    }
}
