package io.signaldesk.analyzer.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signaldesk.analyzer.ai.AnswerStream;
import io.signaldesk.analyzer.ai.ModelQuestion;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * One question in {@link ModelQueue}: the request, how urgent it is, and what the model has written so far.
 * Callers asking the same question share it (coalesced): they all see the same decision, reason and result.
 */
public final class ModelCall {

    final String key;
    final AnalysisType type;
    /** Raised (under the queue's lock, while waiting) when the desk joins an outside caller's question. */
    int priority;
    final long seq;
    final ModelQuestion body;
    final List<String> decisionFields;
    long queuedNanos;
    /** When it was first queued (a call put back is queued again; its wait counts from here). */
    final long askedNanos;
    /** The latest deadline of everyone waiting; past it nobody needs the answer but the cache. */
    volatile long deadlineNanos;
    int preemptions;
    int coalesced;
    /** Background work: started only in an idle window ({@link ModelQueue#background}, {@link ModelQueue#shadow}). */
    boolean background;
    /** Background work that waited long enough: once started it is not put back before its decision. */
    boolean toDecision;
    /** Background work for which an answer's reason was cut once already ({@link IdleWindow#cutReasonFor}). */
    boolean reasonCutFor;

    AnswerStream answer;
    /** Stops the call on the model ({@link StreamedChat#chat}). */
    Runnable stop;
    long startedNanos;
    /** When its first and its latest piece came (this attempt): a call stopped early is measured from them. */
    long firstPieceNanos;
    long lastPieceNanos;
    /** Its model was resident when it started: its prompt read then includes no load. */
    boolean resident;
    long signalNanos;
    int piecesAtSignal;
    int pieces;

    final CompletableFuture<ObjectNode> decision = new CompletableFuture<>();
    final CompletableFuture<ModelReply> reply = new CompletableFuture<>();
    private final List<Consumer<String>> reasonListeners = new CopyOnWriteArrayList<>();

    ModelCall(String key, AnalysisType type, int priority, long seq, ModelQuestion body, List<String> decisionFields,
            long queuedNanos, long deadlineNanos) {
        this.key = key;
        this.type = type;
        this.priority = priority;
        this.seq = seq;
        this.body = body;
        this.decisionFields = decisionFields;
        this.queuedNanos = queuedNanos;
        this.askedNanos = queuedNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** Completes with the decision fields the moment the model has written them. */
    public CompletableFuture<ObjectNode> decision() {
        return decision;
    }

    /** Completes with the whole answer (or fails: model down, dropped, cut before the decision). */
    public CompletableFuture<ModelReply> reply() {
        return reply;
    }

    /** Hears reason text as it is written; a late listener first hears what was written already. */
    public synchronized void onReason(Consumer<String> listener) {
        if (answer != null && !answer.reason().isEmpty()) {
            listener.accept(answer.reason());
        }
        reasonListeners.add(listener);
    }

    void reasonAdded(String added) {
        reasonListeners.forEach(listener -> listener.accept(added));
    }

    /** A shadow model's question ({@link ModelQueue#shadow}). */
    boolean shadow() {
        return priority == ModelQueue.SHADOW;
    }

    boolean hasDecision() {
        return decision.isDone() && !decision.isCompletedExceptionally();
    }
}
