package io.signaldesk.feed.api;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.feed.source.SourceStatus;

/**
 * Answer of GET /api/market/sources.
 *
 * @param active         name of the running source (feed.source)
 * @param delivering     whether readiness considers the feed up
 * @param sources        status of the running source (a list so that several can be shown later)
 * @param config         the feed settings in force
 * @param recording      state of feed.record.file
 * @param rejectedEvents events skipped as invalid, by reason (implausible-price, crossed-book, ...)
 * @param invalidCoins   coins without a valid state (no-data, rebuilding): readiness is DOWN while any is listed
 */
@RegisterForReflection
public record SourcesView(String active, boolean delivering, List<SourceStatus> sources, FeedSettings config,
        RecordingStatus recording, Map<String, Long> rejectedEvents, Map<String, String> invalidCoins) {

    /** The feed.* settings worth showing (durations as ISO-8601). */
    @RegisterForReflection
    public record FeedSettings(List<String> coins, String window, String staleAfter, String publishInterval,
            int imbalanceDepth, int tapeSize, Long simulatorSeed, String simulatorTick, List<String> replayFiles,
            Double replaySpeed, String replayFormat) {
    }
}
