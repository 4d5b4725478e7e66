package io.signaldesk.analyzer.evaluate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.signaldesk.analyzer.ai.MarketPrompt;
import io.signaldesk.analyzer.client.OllamaClient;
import io.signaldesk.analyzer.client.OllamaUnavailableException;
import io.signaldesk.analyzer.domain.SentimentResult;
import io.signaldesk.analyzer.service.ActiveModel;
import io.signaldesk.analyzer.service.AnalysisTask;
import io.signaldesk.analyzer.service.Caller;
import io.signaldesk.analyzer.service.EntryTask;
import io.signaldesk.analyzer.service.ExitTask;
import io.signaldesk.analyzer.service.InvalidModelOutputException;
import io.signaldesk.analyzer.service.ModelAnswer;
import io.signaldesk.analyzer.service.ModelGateway;
import io.signaldesk.analyzer.service.RiskTask;
import io.signaldesk.analyzer.service.SentimentTask;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;

/**
 * Runs the four analyses of every replay sample on each model, through the same gateway as production
 * (answer check, one reprompt) but without cache or deadline, and scores the answers. One evaluation at a
 * time; the model in use is switched for the run and switched back after it.
 */
@ApplicationScoped
public class ModelEvaluator {

    private static final Logger LOG = Logger.getLogger(ModelEvaluator.class);
    /** The exit analysis is asked about a LONG opened 1 % below the sample's price, the risk one with this equity. */
    private static final BigDecimal ENTRY_DISCOUNT = new BigDecimal("0.99");
    private static final BigDecimal EQUITY = new BigDecimal("10000");
    private static final BigDecimal SIZE = new BigDecimal("0.01");

    private final ModelGateway gateway;
    private final ActiveModel active;
    private final OllamaClient ollama;
    private final OllamaPsApi ps;

    public ModelEvaluator(ModelGateway gateway, ActiveModel active, OllamaClient ollama) {
        this.gateway = gateway;
        this.active = active;
        this.ollama = ollama;
        this.ps = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(ollama.baseUrl()))
                .connectTimeout(1, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS).build(OllamaPsApi.class);
    }

    public synchronized EvaluationReport evaluate(List<String> models, String replayFile, List<ReplaySample> samples) {
        String before = active.name();
        List<ModelScore> scores = new ArrayList<>();
        try {
            for (String model : models) {
                scores.add(evaluate(model, samples));
            }
        } finally {
            active.set(before);
        }
        return new EvaluationReport(Instant.now(), ollama.baseUrl(), replayFile, samples.size(), scores,
                ReportTable.markdown(scores));
    }

    private ModelScore evaluate(String model, List<ReplaySample> samples) {
        active.set(model);
        try {
            ollama.preload(model);
        } catch (OllamaUnavailableException e) {
            LOG.warnf("Evaluation: preload of %s failed (%s); its calls will show it", model, e.getMessage());
        }
        List<Observation> observations = new ArrayList<>();
        for (ReplaySample sample : samples) {
            List<CoinSnapshot> coins = sample.market().coins();
            CoinSnapshot first = coins.get(0);
            BigDecimal price = MarketPrompt.shown(first);
            observations.add(observe(new SentimentTask(coins), sample));
            observations.add(observe(new EntryTask(first, PositionSide.LONG, price), sample));
            observations.add(observe(new ExitTask(first, PositionSide.LONG,
                    price.multiply(ENTRY_DISCOUNT).setScale(price.scale(), RoundingMode.HALF_UP), price, SIZE, null, null), sample));
            observations.add(observe(new RiskTask(first, PositionSide.LONG, price, EQUITY), sample));
        }
        ModelScore score = EvaluationScorer.score(model, observations, loadedSize(model));
        LOG.infof("Evaluation of %s: %d analyses, p50 %d ms, quality %d", model, score.analyses(), score.p50Ms(),
                score.qualityScore());
        return score;
    }

    private <R> Observation observe(AnalysisTask<R> task, ReplaySample sample) {
        long start = System.nanoTime();
        FallbackReason fallback = null;
        boolean reprompted;
        Direction signal = null;
        int confidence = 0;
        BigDecimal move1m = null;
        BigDecimal move5m = null;
        long modelMs = 0;
        int tokens = 0;
        try {
            // a unique key: the evaluator measures every question, it never shares a call
            ModelAnswer<R> answer = join(gateway.ask(task, "evaluate|" + System.nanoTime(), Caller.OUTSIDE, Long.MAX_VALUE,
                    ModelGateway.Listener.NONE));
            reprompted = answer.reprompted();
            modelMs = answer.reply().totalMs();
            tokens = answer.completionTokens();
            if (answer.result() instanceof SentimentResult sentiment) {
                signal = sentiment.signal();
                confidence = Math.max(1, Math.min(10, sentiment.confidence()));
                move1m = sample.move1mPct().get(sentiment.coin());
                move5m = sample.move5mPct().get(sentiment.coin());
            }
        } catch (InvalidModelOutputException e) {
            fallback = FallbackReason.INVALID_OUTPUT;
            reprompted = true;
        } catch (CircuitBreakerOpenException e) {
            fallback = FallbackReason.CIRCUIT_OPEN;
            reprompted = false;
        } catch (RuntimeException e) {
            fallback = FallbackReason.MODEL_DOWN;
            reprompted = false;
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        boolean validFirst = fallback == null && !reprompted;
        return new Observation(task.type(), elapsedMs, modelMs, tokens, validFirst, reprompted, fallback, signal,
                move1m, move5m, confidence);
    }

    private static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Memory of the model as Ollama's /api/ps reports it; null when it is not loaded or Ollama does not answer. */
    private Long loadedSize(String model) {
        try {
            return ps.ps().models().stream()
                    .filter(m -> model.equals(m.name()) || model.equals(m.model()))
                    .map(OllamaPsApi.LoadedModel::size)
                    .findFirst().orElse(null);
        } catch (RuntimeException e) {
            LOG.warnf("Evaluation: /api/ps unavailable (%s)", e.getMessage());
            return null;
        }
    }
}
