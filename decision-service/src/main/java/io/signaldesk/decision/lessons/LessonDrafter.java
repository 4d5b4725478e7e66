package io.signaldesk.decision.lessons;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.adapter.analyzer.LessonsClient;
import io.signaldesk.decision.adapter.analyzer.LessonsClient.DraftRequest;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;
import io.signaldesk.decision.ledger.LessonRepository;
import io.signaldesk.decision.ledger.LessonRepository.Draft;

/**
 * Drafts lessons at a stated cadence: once {@code decision.lessons.every-scored} answers of the model in use were
 * scored since the last draft (looked at every {@code check-every}), and fewer than {@code max-proposed} proposals
 * wait, the newest {@code digest-answers} scored answers are summed up per setup ({@link LessonDigest}) and the
 * analyzer asks the model for at most {@code per-draft} lessons on Ollama's idle time (its lowest lane: a draft never
 * delays a question, and is skipped when no idle time comes). Each lesson the model writes names the setups it rests
 * on; its evidence is computed here. An answer with any unusable lesson proposes nothing and is counted
 * ({@code decision.lessons.drafts{outcome}}). Every {@code decision.lessons.sync-every} the accepted set is re-sent
 * to an analyzer whose system message has another version.
 */
@ApplicationScoped
public class LessonDrafter {

    private static final Logger LOG = Logger.getLogger(LessonDrafter.class);
    /**
     * Setups a digest shows at most, and the answers a setup needs to be shown: fewer than the edge gate's
     * {@code strategy.edge.min-sample} (30) so that a draft can come before a setup is proven, and the panel says
     * "too few to judge" of a lesson whose evidence has fewer than that.
     */
    static final int DIGEST_SETUPS = 8;
    static final int MIN_CALLS = 10;
    static final List<String> OUTCOMES = List.of("drafted", "invalid", "skipped", "failed", "empty");

    private final LessonRepository repository;
    private final LessonService lessons;
    private final LessonsClient analyzer;
    private final DecisionConfig.Lessons config;
    private final StrategySettings strategy;
    private final MeterRegistry registry;
    private final Clock clock;
    /** The desk's market: a draft reads the answers scored on it only. */
    private final EdgeService edge;
    private final AtomicBoolean drafting = new AtomicBoolean();

    LessonDrafter(LessonRepository repository, LessonService lessons, LessonsClient analyzer, DecisionConfig config,
            StrategySettings strategy, MeterRegistry registry, Clock clock, EdgeService edge) {
        this.repository = repository;
        this.edge = edge;
        this.lessons = lessons;
        this.analyzer = analyzer;
        this.config = config.lessons();
        this.strategy = strategy;
        this.registry = registry;
        this.clock = clock;
        OUTCOMES.forEach(o -> registry.counter("decision.lessons.drafts", "outcome", o));
    }

    @Scheduled(every = "${decision.lessons.check-every:1m}", delayed = "10s", concurrentExecution = ConcurrentExecution.SKIP)
    void check() {
        if (!config.draft()) {
            return;
        }
        try {
            draftIfDue();
        } catch (RuntimeException e) {
            LOG.debugf("lesson check failed: %s", e.toString()); // the ledger or analyzer is down; the next check retries
        }
    }

    /** The accepted set to an analyzer that has another version (it restarted, or missed a change). */
    @Scheduled(every = "${decision.lessons.sync-every:5s}", delayed = "2s", concurrentExecution = ConcurrentExecution.SKIP)
    void syncPrompt() {
        try {
            lessons.sync();
        } catch (RuntimeException e) {
            LOG.debugf("accepted lessons not synced: %s", e.toString());
        }
    }

    /** How many scored answers the next draft still waits for (0: due), or empty while proposals pile up. */
    public Optional<Integer> waitingFor() {
        if (lessons.proposed().size() >= config.maxProposed()) {
            return Optional.empty();
        }
        int scored = repository.scoredAfter(strategy.edge().horizon(), edge.deskMarket(),
                repository.coveredThrough().orElse(null));
        return Optional.of(Math.max(0, config.everyScored() - scored));
    }

    /** Drafts when the cadence says so; the outcome of the draft, if one ran. */
    public Optional<Draft> draftIfDue() {
        return waitingFor().filter(n -> n == 0).flatMap(n -> draft());
    }

    /** Drafts now (unless one runs already): the outcome (EMPTY when no setup had enough answers), or empty if one ran. */
    public Optional<Draft> draft() {
        if (!drafting.compareAndSet(false, true)) {
            return Optional.empty();
        }
        return Optional.of(drafted());
    }

    /**
     * Claims the drafting at once and drafts on {@code executor}: false (nothing started) when a draft runs already.
     * The claim and the start are one step, so two callers cannot both be told a draft started.
     */
    public boolean startOn(Executor executor) {
        if (!drafting.compareAndSet(false, true)) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    drafted();
                } catch (RuntimeException e) {
                    LOG.infof("lesson draft failed: %s", e.toString());
                }
            });
            return true;
        } catch (RuntimeException e) {
            drafting.set(false);
            throw e;
        }
    }

    /** The draft, recorded; the caller has claimed {@link #drafting}, released here. */
    private Draft drafted() {
        try {
            // the desk's market only: the simulator's made-up prices never teach the model a lesson for a venue
            List<ScoredAnswer> answers = repository.recentAnswers(strategy.edge().horizon(), edge.deskMarket(),
                    config.digestAnswers());
            LessonDigest digest = LessonDigest.of(answers, DIGEST_SETUPS, MIN_CALLS);
            Instant through = answers.isEmpty() ? clock.instant() : answers.get(answers.size() - 1).answeredAt();
            if (digest.isEmpty()) {
                Draft empty = new Draft(clock.instant(), through, "EMPTY", 0, "no setup has " + MIN_CALLS
                        + " scored answers among the newest " + answers.size() + ": nothing to sum up");
                // one line says why nothing is drafted: a check that finds the same writes nothing
                return repository.emptyDrafted(empty) ? counted(empty) : empty;
            }
            Draft draft = ask(digest, through);
            repository.drafted(draft);
            return counted(draft);
        } finally {
            drafting.set(false);
        }
    }

    /** A draft recorded: counted by outcome and logged. */
    private Draft counted(Draft draft) {
        registry.counter("decision.lessons.drafts", "outcome", draft.outcome().toLowerCase(Locale.ROOT)).increment();
        LOG.infof("lesson draft %s: %d proposals%s", draft.outcome(), draft.proposals(),
                draft.detail() == null ? "" : " (" + draft.detail() + ")");
        return draft;
    }

    public boolean isDrafting() {
        return drafting.get();
    }

    private Draft ask(LessonDigest digest, Instant through) {
        Instant now = clock.instant();
        Optional<JsonNode> answer = analyzer.draft(new DraftRequest(digest.setups(), config.perDraft()));
        if (answer.isEmpty()) {
            return new Draft(now, through, "FAILED", 0, "the analyzer could not be asked");
        }
        JsonNode a = answer.get();
        String status = a.path("status").asText("");
        if (!"DRAFTED".equals(status)) {
            boolean invalid = "INVALID".equals(status);
            return new Draft(now, through, invalid ? "INVALID" : "SKIPPED", 0, a.path("problem").asText(status));
        }
        List<Lesson> proposals = new ArrayList<>();
        Set<String> known = new HashSet<>();
        lessons.proposed().forEach(l -> known.add(key(l.line())));
        lessons.accepted().forEach(l -> known.add(key(l.line())));
        JsonNode written = a.path("lessons");
        if (!written.isArray() || written.size() > config.perDraft()) {
            return new Draft(now, through, "INVALID", 0, "lessons must be a list of at most " + config.perDraft());
        }
        String model = a.path("model").isTextual() ? a.path("model").asText() : null;
        for (JsonNode item : written) {
            String line = item.path("lesson").isTextual() ? item.path("lesson").asText().strip() : null;
            String problem = LessonBounds.problem(line);
            List<String> ids = new ArrayList<>();
            item.path("setups").forEach(id -> ids.add(id.asText()));
            if (problem == null && !digest.knows(ids)) {
                problem = "a lesson must name setups of the digest, not " + ids;
            }
            if (problem != null) {
                return new Draft(now, through, "INVALID", 0, problem);
            }
            if (known.add(key(line))) {
                proposals.add(new Lesson(0, line, Lesson.Status.PROPOSED, now, null, model, digest.evidence(ids),
                        LessonBounds.tokens(line)));
            }
        }
        repository.propose(proposals);
        return new Draft(now, through, "DRAFTED", proposals.size(), null);
    }

    private static String key(String line) {
        return line.strip().toLowerCase(Locale.ROOT);
    }
}
