package io.signaldesk.analyzer.kafka;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.analyzer.domain.AnalysisSignal;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.analyzer.service.AnalysisListener;
import io.signaldesk.analyzer.service.AnalysisService;
import io.signaldesk.analyzer.service.Caller;
import io.signaldesk.analyzer.service.AnalysisTask;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Serves the analysis requests of the consumer group {@code ai-analyzers} (SIGNAL_TRANSPORT=kafka): any analyzer any
 * coin, partitions moving to the others when one dies. Each request is answered like a streamed REST call: a
 * {@code signal} record the moment the decision is known, then {@code done} with the whole envelope, to the
 * request's reply topic keyed by its id. The offset is committed only after answering (manual ack, throttled
 * commits); a record that cannot be read is nacked to the dead-letter topic and the stream goes on; a request past
 * its deadline is dropped unanswered. How many records are in flight is the channel's concurrency (one copy of
 * this consumer per slot, one record each), so an analyzer pulls no more than its Ollama queue can take.
 */
@ApplicationScoped
public class AnalysisRequestConsumer {

    private static final Logger LOG = Logger.getLogger(AnalysisRequestConsumer.class);
    private static final String[] OUTCOMES = {"answered", "stale", "unsent"};

    private final RequestedTasks tasks;
    private final AnalysisService analysis;
    private final MutinyEmitter<String> results;
    private final ObjectMapper mapper;
    private final AnalyzerConfig.Kafka config;
    private final MeterRegistry registry;
    private final String instance;

    AnalysisRequestConsumer(RequestedTasks tasks, AnalysisService analysis,
            @Channel("analysis-results") MutinyEmitter<String> results, ObjectMapper mapper, AnalyzerConfig config,
            MeterRegistry registry) {
        this.tasks = tasks;
        this.analysis = analysis;
        this.results = results;
        this.mapper = mapper;
        this.config = config.kafka();
        this.registry = registry;
        this.instance = this.config.instance().filter(name -> !name.isBlank()).orElseGet(AnalysisRequestConsumer::hostName);
        for (AnalysisType type : AnalysisType.values()) {
            for (String outcome : OUTCOMES) {
                registry.counter("analyzer.kafka.requests", "type", type.name(), "outcome", outcome);
            }
        }
        registry.counter("analyzer.kafka.rejected");
    }

    /** This analyzer's name on its answers. */
    public String instance() {
        return instance;
    }

    @Incoming("analysis-requests")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> serve(Message<String> message) {
        long start = System.nanoTime();
        AnalysisRequestRecord request;
        AnalysisTask<?> task;
        try {
            request = tasks.read(message.getPayload());
            if (!request.replyTo().startsWith(config.replyTopicPrefix())) {
                throw new BadInputException("replyTo", "replyTo must start with " + config.replyTopicPrefix());
            }
            task = tasks.task(request);
        } catch (BadInputException e) {
            registry.counter("analyzer.kafka.rejected").increment();
            LOG.warnf("analysis request refused to the dead-letter topic: %s (%s)", e.getMessage(), e.field());
            return message.nack(e);
        }
        Duration left = Duration.between(Instant.now(), request.deadline()).minus(config.replyMargin());
        if (left.isNegative() || left.isZero()) {
            count(request.type(), "stale");
            LOG.debugf("%s %s dropped: its deadline %s has passed", request.type(), request.requestId(), request.deadline());
            return message.ack();
        }
        String coin = task.coinNames().get(0);
        AtomicReference<CompletionStage<Void>> signalSent = new AtomicReference<>();
        // the topic is the decision service's: its questions ride the desk's lane
        return analysis.analyse(task, start, left, Caller.DESK, new AnalysisListener() {
            @Override
            public void signal(AnalysisSignal signal) {
                // the first decision only: a model answer that fails after its signal adds a rules one over SSE
                signalSent.compareAndSet(null, send(request, AnalysisResultRecord.SIGNAL, coin, signal));
            }

            @Override
            public void reason(String added) {
                // reason pieces stay on /ws/analysis and SSE; the done record carries the whole reason
            }
        }).thenCompose(envelope -> {
            CompletionStage<Void> first = signalSent.get();
            return (first == null ? CompletableFuture.<Void> completedFuture(null) : first)
                    .thenCompose(v -> send(request, AnalysisResultRecord.DONE, coin, envelope));
        }).handle((v, failure) -> {
            if (failure != null) {
                count(request.type(), "unsent");
                LOG.warnf("answer to %s %s not sent: %s", request.type(), request.requestId(), failure.toString());
            } else {
                count(request.type(), "answered");
            }
            return null;
        }).thenCompose(v -> message.ack());
    }

    private CompletionStage<Void> send(AnalysisRequestRecord request, String kind, String coin, Object data) {
        String json;
        try {
            json = mapper.writeValueAsString(new AnalysisResultRecord(request.requestId(), kind, coin, instance, data));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        Message<String> record = Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(request.replyTo()).withKey(request.requestId()).build());
        return results.sendMessage(record).subscribeAsCompletionStage();
    }

    private void count(AnalysisType type, String outcome) {
        registry.counter("analyzer.kafka.requests", "type", type.name(), "outcome", outcome).increment();
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "ai-analyzer";
        }
    }
}
