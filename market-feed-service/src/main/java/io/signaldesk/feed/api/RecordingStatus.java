package io.signaldesk.feed.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * State of feed.record.file.
 *
 * @param file          the configured path, null when recording is not configured
 * @param active        true while events are being appended
 * @param eventsWritten lines appended since start
 * @param writeErrors   failed writes or flushes
 * @param error         why recording is off or failing, null when fine
 */
@RegisterForReflection
public record RecordingStatus(String file, boolean active, long eventsWritten, long writeErrors, String error) {
}
