package io.signaldesk.analyzer.service;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.jboss.logging.Logger;

import io.signaldesk.analyzer.ai.AnswerReader;
import io.signaldesk.analyzer.ai.InvalidAnswerException;
import io.signaldesk.analyzer.ai.MarketAnalyst;
import io.signaldesk.analyzer.ai.ModelExchange;
import io.signaldesk.analyzer.ai.ModelExchangeLog;
import io.signaldesk.analyzer.ai.Prompts;

/**
 * Asks the model, checks the answer and reprompts once at most. Model failures (connection refused, HTTP
 * errors, client timeouts) open the circuit; answers that are merely invalid do not.
 */
@ApplicationScoped
public class ModelGateway {

    private static final Logger LOG = Logger.getLogger(ModelGateway.class);

    private final MarketAnalyst analyst;
    private final AnswerReader reader;
    private final ModelExchangeLog exchanges;

    public ModelGateway(MarketAnalyst analyst, AnswerReader reader, ModelExchangeLog exchanges) {
        this.analyst = analyst;
        this.reader = reader;
        this.exchanges = exchanges;
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 15, delayUnit = ChronoUnit.SECONDS,
            skipOn = InvalidModelOutputException.class)
    public <R> ModelAnswer<R> ask(AnalysisTask<R> task) {
        exchanges.open();
        Checked<R> first = attempt(task, "");
        Checked<R> answer = first;
        if (first.problem() != null) {
            LOG.debugf("%s answer rejected (%s), reprompting once", task.type(), first.problem());
            answer = attempt(task, Prompts.retryNote(first.problem()));
        }
        List<ModelExchange> calls = exchanges.all();
        int promptTokens = calls.stream().mapToInt(ModelExchange::promptTokens).sum();
        int completionTokens = calls.stream().mapToInt(ModelExchange::completionTokens).sum();
        if (answer.problem() != null) {
            throw new InvalidModelOutputException(answer.problem(), promptTokens, completionTokens);
        }
        String model = calls.get(calls.size() - 1).model();
        return new ModelAnswer<>(answer.result(), model, promptTokens, completionTokens, answer != first);
    }

    private <R> Checked<R> attempt(AnalysisTask<R> task, String retryNote) {
        int before = exchanges.count();
        R result;
        try {
            result = task.askModel(analyst, retryNote);
        } catch (RuntimeException e) {
            Optional<ModelExchange> answered = exchanges.lastAfter(before);
            if (answered.isEmpty()) {
                throw e;
            }
            try {
                result = reader.read(answered.get().text(), task.resultType(), task.answerDefaults());
            } catch (InvalidAnswerException invalid) {
                return new Checked<>(null, invalid.getMessage());
            }
        }
        return new Checked<>(result, task.problemWith(result).orElse(null));
    }

    private record Checked<R>(R result, String problem) {
    }
}
