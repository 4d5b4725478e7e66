package io.signaldesk.feed.rest;

import java.nio.file.Path;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.signaldesk.feed.api.SourcesView;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.service.EventRecorder;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.service.SourceManager;
import io.signaldesk.feed.source.SourceKind;
import io.signaldesk.feed.source.SourceStatus;

/** What feeds the service: the running source's health and counters, and the settings in force. */
@jakarta.ws.rs.Path("/api/market/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Market data")
public class SourcesResource {

    private final SourceManager sources;
    private final MarketStateService state;
    private final EventRecorder recorder;
    private final FeedConfig config;

    public SourcesResource(SourceManager sources, MarketStateService state, EventRecorder recorder,
            FeedConfig config) {
        this.sources = sources;
        this.state = state;
        this.recorder = recorder;
        this.config = config;
    }

    @GET
    @Operation(summary = "Status of the running source and the feed configuration")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SourcesView.class),
            examples = @ExampleObject(name = "simulator", value = OpenApiExamples.SOURCES)))
    public SourcesView sources() {
        SourceStatus status = sources.status();
        return new SourcesView(sources.sourceName(), sources.delivering(), status == null ? List.of() : List.of(status),
                settings(), recorder.status(), state.rejected(), state.invalidCoins());
    }

    private SourcesView.FeedSettings settings() {
        boolean simulator = config.source() == SourceKind.SIMULATOR;
        boolean replay = config.source() == SourceKind.REPLAY;
        return new SourcesView.FeedSettings(state.coins(), config.window().toString(), config.staleAfter().toString(),
                config.publishInterval().toString(), config.imbalanceDepth(), config.tapeSize(),
                simulator ? config.simulator().seed() : null, simulator ? config.simulator().tick().toString() : null,
                replay ? config.replay().file().orElse(List.of()).stream().map(Path::toString).toList() : null,
                replay ? config.replay().speed() : null, replay ? config.replay().format().name() : null);
    }
}
