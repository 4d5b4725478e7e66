package io.signaldesk.market.binance;

/**
 * Bounds on reading raw captures: decompressed bytes over all files of one read (a gzip bomb stops at the cap, not
 * at the end of memory) and characters of one line.
 */
public record CaptureLimits(long maxBytes, int maxLineBytes) {

    /** A feed operator's own files: no total cap, lines up to 16 MiB (a 1000-level depth snapshot is about 64 KiB). */
    public static final CaptureLimits OPERATOR = new CaptureLimits(Long.MAX_VALUE, 16 * 1024 * 1024);

    public CaptureLimits {
        if (maxBytes < 1 || maxLineBytes < 1) {
            throw new IllegalArgumentException("capture limits must be positive");
        }
    }
}
