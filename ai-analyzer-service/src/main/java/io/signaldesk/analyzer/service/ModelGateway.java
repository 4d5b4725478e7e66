package io.signaldesk.analyzer.service;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrailResult;

import io.signaldesk.analyzer.ai.AnswerGuardrail;
import io.signaldesk.analyzer.ai.AnswerReader;
import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.ChatRequests;
import io.signaldesk.analyzer.ai.InvalidAnswerException;
import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.config.AnalyzerConfig;

/**
 * Asks the model through {@link ModelQueue} and checks what it writes with the analysis's output guardrail
 * ({@link AnswerGuardrail}): the decision fields the moment they are complete (so the caller can act on them before
 * the reason), then the whole answer once streamed; the guardrail's one reprompt at most when it is unusable. Model failures (connection refused, HTTP errors, cut streams) open the circuit;
 * invalid answers and calls the queue dropped do not.
 */
@ApplicationScoped
public class ModelGateway {

    private static final Logger LOG = Logger.getLogger(ModelGateway.class);
    /** Stands in for the reason while checking decision fields that arrived before it. */
    private static final String PENDING_REASON = "(reason follows)";

    /** Hears a question's progress: the checked decision fields once, then reason text as it is written. */
    public interface Listener {
        void decision(ObjectNode fields);

        void reason(String added);

        Listener NONE = new Listener() {
            @Override
            public void decision(ObjectNode fields) {
            }

            @Override
            public void reason(String added) {
            }
        };
    }

    private final ModelQueue queue;
    private final ActiveModel model;
    private final AnswerReader reader;
    private final AnalyzerConfig.Ollama config;

    public ModelGateway(ModelQueue queue, ActiveModel model, AnswerReader reader, AnalyzerConfig config) {
        this.queue = queue;
        this.model = model;
        this.reader = reader;
        this.config = config.ollama();
    }

    /**
     * @param key what makes this question identical to another (coalesced into one call)
     * @param caller the desk's own question (served ahead of every outside one), or its background work (asked only in
     *        an idle window), or an outside one ({@link ModelQueue})
     * @param deadlineNanos when the caller stops waiting; the queue drops the call if nobody waits any more
     */
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
            skipOn = {InvalidModelOutputException.class, CallDroppedException.class})
    public <R> CompletionStage<ModelAnswer<R>> ask(AnalysisTask<R> task, String key, Caller caller, long deadlineNanos,
            Listener listener) {
        String name = model.name();
        AtomicBoolean decided = new AtomicBoolean();
        ModelCall first = call(task, name, key, caller, "", deadlineNanos, listener, decided);
        return first.reply().thenCompose(reply -> {
            Checked<R> checked = check(task, reply, decided.get());
            if (checked.problem() == null) {
                return CompletableFuture.completedFuture(answer(checked.result(), name, reply, null, reply.reasonCut()));
            }
            LOG.debugf("%s answer rejected (%s), reprompting once", task.type(), checked.problem());
            ModelCall second = call(task, name, key + "|retry", caller, checked.reprompt(),
                    deadlineNanos, listener, decided);
            return second.reply().thenApply(retry -> {
                Checked<R> again = check(task, retry, decided.get());
                if (again.problem() != null) {
                    throw new InvalidModelOutputException(again.problem(), tokensIn(reply) + tokensIn(retry),
                            tokensOut(reply) + tokensOut(retry));
                }
                return answer(again.result(), name, retry, reply, retry.reasonCut());
            });
        });
    }

    private <R> ModelCall call(AnalysisTask<R> task, String name, String key, Caller caller, String retryNote,
            long deadlineNanos, Listener listener, AtomicBoolean decided) {
        ModelQuestion body = ChatRequests.analysis(config, name, task.type(), task.coinNames(), task.question() + retryNote);
        ModelCall call = caller.background()
                ? queue.background(key, task.type(), body, AnswerSchema.decisionFields(task.type()), deadlineNanos)
                : queue.submit(key, task.type(), caller.desk(), body, AnswerSchema.decisionFields(task.type()), deadlineNanos);
        call.decision().thenAccept(fields -> {
            if (!decided.get() && decisionProblem(task, fields) == null && decided.compareAndSet(false, true)) {
                listener.decision(fields);
                call.onReason(listener::reason);
            }
        });
        return call;
    }

    /** Why these decision fields cannot be acted on, or null when they can: the guardrail, with the reason to come. */
    private <R> String decisionProblem(AnalysisTask<R> task, ObjectNode fields) {
        ObjectNode withReason = fields.deepCopy().put(AnswerSchema.REASON, PENDING_REASON);
        OutputGuardrailResult validated = guardrail(task).validate(AiMessage.from(withReason.toString()));
        return validated.isSuccess() ? null : AnswerGuardrail.problem(validated);
    }

    private <R> AnswerGuardrail<R> guardrail(AnalysisTask<R> task) {
        return new AnswerGuardrail<>(reader, task.resultType(), task.answerDefaults(), task::problemWith);
    }

    /**
     * The whole answer checked; when its decision was already given to the caller and only the reason is
     * missing or cut, the decision stands with the reason as far as it was written.
     */
    private <R> Checked<R> check(AnalysisTask<R> task, ModelReply reply, boolean decided) {
        if (!reply.reasonCut()) {
            AnswerGuardrail<R> guardrail = guardrail(task);
            OutputGuardrailResult validated = guardrail.validate(AiMessage.from(reply.text() == null ? "" : reply.text()));
            if (validated.isSuccess()) {
                return new Checked<>(guardrail.result(validated), null, null);
            }
            if (!decided) {
                String problem = AnswerGuardrail.problem(validated);
                if (reply.stats() != null && reply.stats().cutAtLimit()) {
                    String cut = "the answer was cut at num_predict (" + problem + ")";
                    return new Checked<>(null, cut, Prompts.retryNote(cut));
                }
                return new Checked<>(null, problem, validated.getReprompt().orElseGet(() -> Prompts.retryNote(problem)));
            }
        }
        return decisionWithPartialReason(task, reply);
    }

    private <R> Checked<R> decisionWithPartialReason(AnalysisTask<R> task, ModelReply reply) {
        ObjectNode fields = reply.decision(); // read once, as the answer streamed
        if (fields == null) {
            String problem = "the answer stopped before its decision";
            return new Checked<>(null, problem, Prompts.retryNote(problem));
        }
        String reason = reply.reason().isBlank() ? "(reason cut short: the model was needed for a more urgent question)"
                : reply.reason().strip() + "…";
        try {
            // a copy: the reply is shared by every caller of a coalesced call
            return new Checked<>(reader.read(fields.deepCopy().put(AnswerSchema.REASON, reason).toString(), task.resultType(),
                    task.answerDefaults()), null, null);
        } catch (InvalidAnswerException e) {
            return new Checked<>(null, e.getMessage(), Prompts.retryNote(e.getMessage()));
        }
    }

    private static <R> ModelAnswer<R> answer(R result, String name, ModelReply reply, ModelReply earlier, boolean cut) {
        return new ModelAnswer<>(result, name, tokensIn(reply) + tokensIn(earlier), tokensOut(reply) + tokensOut(earlier),
                earlier != null, cut, reply);
    }

    private static int tokensIn(ModelReply reply) {
        return reply == null || reply.stats() == null ? 0 : reply.stats().promptEvalCount();
    }

    private static int tokensOut(ModelReply reply) {
        return reply == null || reply.stats() == null ? 0 : reply.stats().evalCount();
    }

    /** A usable result, or the problem and the reprompt that names it. */
    private record Checked<R>(R result, String problem, String reprompt) {
    }
}
