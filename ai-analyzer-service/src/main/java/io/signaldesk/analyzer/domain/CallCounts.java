package io.signaldesk.analyzer.domain;

/**
 * A scored record's counts as a request sends them: {@code calls} scored, {@code right} of them right, {@code acted}
 * of them acted on and, where the record lists them, the {@code last} outcomes. None may exceed {@code calls}
 * ({@link WithinCalls}).
 */
public interface CallCounts {

    Integer calls();

    Integer right();

    Integer acted();

    /** The last outcomes ({@code R}/{@code W}), or null where the record has none. */
    default String last() {
        return null;
    }
}
