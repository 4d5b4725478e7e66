package io.signaldesk.decision.adapter.analyzer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.common.config.SignalConfig;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ShadowAnswer;

/**
 * Asks the analyzer's shadow model the questions the model in use answered, and the model in use the probes of setups
 * the edge gate stopped asking about (over HTTP whatever the transport: both are one analyzer's idle time). When the analyzer says the shadow is off or refused, or cannot be reached, it is
 * not asked again for a minute, so a desk without a shadow pays one request a minute at most.
 */
@ApplicationScoped
public class ShadowQuestions {

    private static final Logger LOG = Logger.getLogger(ShadowQuestions.class);
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final ShadowRestClient rest;
    private final String engineKey;
    private final Quiet shadowQuiet = new Quiet();
    private final Quiet probeQuiet = new Quiet();

    /** After an answer saying nobody will answer (off, refused, unreachable): a minute without asking. */
    private static final class Quiet {
        private volatile long untilNanos;
        private volatile String why;

        void until(String reason) {
            why = reason;
            untilNanos = System.nanoTime() + QUIET.toNanos();
        }
    }

    ShadowQuestions(@RestClient ShadowRestClient rest, SignalConfig signal) {
        this.rest = rest;
        this.engineKey = signal.deskKey().orElse(null);
    }

    public CompletionStage<ShadowAnswer> entry(EntryRequest request) {
        return ask(shadowQuiet, () -> rest.entry(engineKey, request), ShadowQuestions::entered);
    }

    public CompletionStage<ShadowAnswer> exit(ExitRequest request) {
        return ask(shadowQuiet, () -> rest.exit(engineKey, request), result -> result.path("action").isTextual()
                ? "HOLD".equals(result.path("action").asText()) : null);
    }

    /** A probe: the model in use asked {@code request} on the analyzer's idle time (the shadow's lane). */
    public CompletionStage<ShadowAnswer> probe(EntryRequest request) {
        return ask(probeQuiet, () -> rest.probe(engineKey, request), ShadowQuestions::entered);
    }

    private static Boolean entered(JsonNode result) {
        return result.path("enter").isBoolean() ? result.path("enter").booleanValue() : null;
    }

    /** The analyzer's shadow report (state and both models' figures), or empty when it cannot be read. */
    public Optional<JsonNode> report() {
        try {
            return Optional.ofNullable(rest.report());
        } catch (RuntimeException e) {
            LOG.debugf("shadow report unavailable: %s", e.toString());
            return Optional.empty();
        }
    }

    private CompletionStage<ShadowAnswer> ask(Quiet quiet, java.util.function.Supplier<CompletionStage<JsonNode>> call,
            Function<JsonNode, Boolean> acted) {
        if (System.nanoTime() < quiet.untilNanos) {
            return CompletableFuture.completedFuture(ShadowAnswer.off(quiet.why));
        }
        CompletionStage<JsonNode> sent;
        try {
            sent = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unreachable(quiet, e));
        }
        return sent.handle((body, failure) -> {
            if (body == null) {
                return unreachable(quiet, failure);
            }
            String status = body.path("status").asText("");
            String why = body.path("reason").isTextual() ? body.path("reason").asText() : null;
            if ("OFF".equals(status) || "REFUSED".equals(status)) {
                quiet.until(status + ": " + why);
            }
            JsonNode result = body.path("result");
            Boolean didAct = result.isObject() ? acted.apply(result) : null;
            Integer confidence = result.path("confidence").isInt() ? result.path("confidence").intValue() : null;
            return new ShadowAnswer(status, body.path("model").isTextual() ? body.path("model").asText() : null, didAct,
                    confidence, why);
        });
    }

    private static ShadowAnswer unreachable(Quiet quiet, Throwable failure) {
        String why = "the analyzer could not be asked: " + failure;
        quiet.until(why);
        return new ShadowAnswer("UNREACHABLE", null, null, null, why);
    }
}
