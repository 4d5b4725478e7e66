package io.signaldesk.decision.lessons;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.decision.adapter.analyzer.LessonsClient;
import io.signaldesk.decision.adapter.analyzer.LessonsClient.AcceptedLessons;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.ledger.LessonRepository;
import io.signaldesk.decision.ledger.LessonRepository.Version;
import io.signaldesk.decision.lessons.Lesson.Status;

/**
 * The trader's decisions on lessons: a proposal is accepted or rejected, an accepted lesson retired. Accepting and
 * retiring change the set in the analyzer's system message: each such change is a new version in the ledger, and the
 * set is sent to the analyzer at once (and again by {@link LessonDrafter} whenever the analyzer says another version).
 * The set is bounded: at most {@code decision.lessons.max-accepted} lessons and {@code max-tokens} estimated tokens.
 * Decisions are serialized by one lock that never covers an HTTP call: the set is sent after the ledger transaction, one
 * send at a time, and a send that finds another under way is left to it or to the next {@link #sync()}.
 */
@ApplicationScoped
public class LessonService {

    /** Why an accept, reject or retire was refused: {@code notFound} for an unknown id, else a conflict. */
    public record Refusal(boolean notFound, String error, String field) {
    }

    /** The outcome of a change: the lesson and the set's version after it, or why not. */
    public record Change(Lesson lesson, Version version, Refusal refusal) {
    }

    private final LessonRepository repository;
    private final LessonsClient analyzer;
    private final DecisionConfig.Lessons config;
    private final Clock clock;
    /** The lesson version the analyzer last said it has in its system message (null: not heard). */
    private volatile Integer inPrompt;
    /** Held while the ledger is read or changed, never across a call to the analyzer. */
    private final Object decisions = new Object();
    /** Held while the set is sent: one send at a time, the newest set read after the lock is taken. */
    private final ReentrantLock sending = new ReentrantLock();
    /** A change of the set not yet sent. */
    private final AtomicBoolean changed = new AtomicBoolean();

    LessonService(LessonRepository repository, LessonsClient analyzer, DecisionConfig config, Clock clock) {
        this.repository = repository;
        this.analyzer = analyzer;
        this.config = config.lessons();
        this.clock = clock;
    }

    public DecisionConfig.Lessons limits() {
        return config;
    }

    public List<Lesson> proposed() {
        return repository.list(List.of(Status.PROPOSED));
    }

    public List<Lesson> accepted() {
        return repository.list(List.of(Status.ACCEPTED));
    }

    /** Rejected and retired lessons, oldest first. */
    public List<Lesson> decided() {
        return repository.list(List.of(Status.REJECTED, Status.RETIRED));
    }

    public Version version() {
        return repository.current();
    }

    public List<Version> versions(int limit) {
        return repository.versions(limit);
    }

    /** Estimated tokens of the accepted set. */
    public int acceptedTokens() {
        return accepted().stream().mapToInt(Lesson::tokens).sum();
    }

    public Change accept(long id) {
        return sentAfter(decide(() -> accepting(id)));
    }

    public Change reject(long id) {
        return sentAfter(decide(() -> rejecting(id)));
    }

    public Change retire(long id) {
        return sentAfter(decide(() -> retiring(id)));
    }

    private Change accepting(long id) {
        Optional<Lesson> found = repository.find(id);
        if (found.isEmpty() || found.get().status() != Status.PROPOSED) {
            return refused(id, found, "accepted");
        }
        List<Lesson> accepted = accepted();
        if (accepted.size() >= config.maxAccepted()) {
            return new Change(null, null, new Refusal(false, "at most " + config.maxAccepted()
                    + " lessons are in the system message (decision.lessons.max-accepted): remove one first", "id"));
        }
        int tokens = accepted.stream().mapToInt(Lesson::tokens).sum() + found.get().tokens();
        if (tokens > config.maxTokens()) {
            return new Change(null, null, new Refusal(false, "the accepted lessons would take about " + tokens
                    + " tokens, more than " + config.maxTokens() + " (decision.lessons.max-tokens): remove one first", "id"));
        }
        return decided(id, Status.PROPOSED, Status.ACCEPTED, true, "accepted lesson " + id);
    }

    private Change rejecting(long id) {
        Optional<Lesson> found = repository.find(id);
        if (found.isEmpty() || found.get().status() != Status.PROPOSED) {
            return refused(id, found, "rejected");
        }
        return decided(id, Status.PROPOSED, Status.REJECTED, false, "rejected lesson " + id);
    }

    private Change retiring(long id) {
        Optional<Lesson> found = repository.find(id);
        if (found.isEmpty() || found.get().status() != Status.ACCEPTED) {
            return refused(id, found, "removed");
        }
        return decided(id, Status.ACCEPTED, Status.RETIRED, true, "removed lesson " + id);
    }

    /**
     * Sends the accepted set to the analyzer unless it says it has this version; false when it could not be sent or
     * another send was under way (the next check tries again).
     */
    public boolean sync() {
        if (!sending.tryLock()) {
            return false;
        }
        boolean there;
        try {
            Optional<Integer> heard = analyzer.versionInPrompt();
            inPrompt = heard.orElse(null);
            AcceptedLessons now = current();
            there = heard.filter(v -> v == now.version()).isPresent() || send(now);
        } finally {
            sending.unlock();
        }
        drain();
        return there;
    }

    /** The lesson version in the analyzer's system message, as it last said (empty: not reached). */
    public Optional<Integer> versionInPrompt() {
        return Optional.ofNullable(inPrompt);
    }

    private Change decide(Supplier<Change> decision) {
        synchronized (decisions) {
            return decision.get();
        }
    }

    /** After a change of the set, sends it (outside the decisions' lock), or leaves it to the send under way. */
    private Change sentAfter(Change change) {
        if (change.refusal() == null && change.lesson().status() != Status.REJECTED) {
            changed.set(true);
            drain();
        }
        return change;
    }

    /** Sends the newest set while a change waits and no one else is sending (who is, drains it on unlocking). */
    private void drain() {
        while (changed.get() && sending.tryLock()) {
            try {
                if (changed.getAndSet(false)) {
                    send(current());
                }
            } finally {
                sending.unlock();
            }
        }
    }

    private Change decided(long id, Status from, Status to, boolean changesSet, String change) {
        Optional<Version> version = repository.decide(id, from, to, clock.instant(), changesSet, change);
        if (version.isEmpty()) {
            return refused(id, repository.find(id), to == Status.RETIRED ? "removed" : to.name().toLowerCase());
        }
        return new Change(repository.find(id).orElseThrow(), version.get(), null);
    }

    /** The accepted set and its version, read together under the decisions' lock. */
    private AcceptedLessons current() {
        synchronized (decisions) {
            return new AcceptedLessons(version().version(), accepted().stream().map(Lesson::line).toList());
        }
    }

    private boolean send(AcceptedLessons lessons) {
        boolean sent = analyzer.put(lessons);
        if (sent) {
            inPrompt = lessons.version();
        }
        return sent;
    }

    private static Change refused(long id, Optional<Lesson> found, String verb) {
        if (found.isEmpty()) {
            return new Change(null, null, new Refusal(true, "no lesson " + id, "id"));
        }
        String need = "removed".equals(verb) ? "an accepted lesson" : "a proposal";
        return new Change(null, null, new Refusal(false, "lesson " + id + " is " + found.get().status()
                + ": only " + need + " can be " + verb, "id"));
    }
}
