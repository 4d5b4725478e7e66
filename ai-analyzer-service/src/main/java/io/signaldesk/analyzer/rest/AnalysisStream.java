package io.signaldesk.analyzer.rest;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisSignal;
import io.signaldesk.analyzer.service.AnalysisListener;
import io.signaldesk.analyzer.service.AnalysisService;
import io.signaldesk.analyzer.service.AnalysisTask;
import io.signaldesk.analyzer.service.Caller;
import io.smallrye.mutiny.Multi;

/**
 * An analysis as Server-Sent Events: {@code signal} (the decision fields, the moment they are known),
 * {@code reason} (text as it is written, {@code {"text": "..."}} per piece), then {@code done} (the envelope
 * the JSON call answers). The deadline runs from the request's arrival, as for the JSON call.
 */
@ApplicationScoped
public class AnalysisStream {

    private final AnalysisService analysis;
    private final ObjectMapper mapper;
    private final Duration deadline;

    public AnalysisStream(AnalysisService analysis, ObjectMapper mapper, AnalyzerConfig config) {
        this.analysis = analysis;
        this.mapper = mapper;
        this.deadline = config.deadline();
    }

    public <R> Multi<OutboundSseEvent> events(Sse sse, AnalysisTask<R> task, long startNanos, Caller caller) {
        return Multi.createFrom().emitter(emitter -> analysis.analyse(task, startNanos, deadline, caller, new AnalysisListener() {
            @Override
            public void signal(AnalysisSignal signal) {
                emitter.emit(event(sse, "signal", signal));
            }

            @Override
            public void reason(String added) {
                emitter.emit(event(sse, "reason", new ReasonPiece(added)));
            }
        }).whenComplete((envelope, failure) -> {
            if (failure != null) {
                emitter.fail(failure);
            } else {
                emitter.emit(event(sse, "done", envelope));
                emitter.complete();
            }
        }));
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(mapper.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + " event not serialisable", e);
        }
    }

    /** Data of a {@code reason} event: the text just written. */
    @RegisterForReflection
    public record ReasonPiece(String text) {
    }
}
