package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;


import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.PaperTradingService.LedgerConflict;
import io.signaldesk.decision.engine.PaperTradingService.RiskRefusal;
import io.signaldesk.decision.engine.port.Notifier;
import io.signaldesk.decision.engine.port.ProposalStore;
import io.signaldesk.decision.engine.port.RiskStore;
import io.signaldesk.decision.engine.port.TradeLedger;

/** Proposal lifecycle: pending until confirmed, rejected or expired; or executed at once when confirmation is off. */
public class ProposalService {

    /** Whether proposals wait for a person, and the confidence that executes on its own when they do not. */
    private record Confirmation(boolean required, int autoMinConfidence) {
    }

    private static final String REQUIRE_CONFIRMATION = "require-confirmation";
    private static final String AUTO_MIN_CONFIDENCE = "auto-min-confidence";

    private final ProposalStore proposals;
    private final TradeLedger settings;
    private final PaperTradingService trading;
    private final DecisionConfig config;
    private final MeterRegistry registry;
    private final RiskStore risk;
    private final Notifier notifications;
    private final OpenBook book;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private volatile Confirmation confirmation;

    ProposalService(ProposalStore proposals, TradeLedger settings, PaperTradingService trading,
            DecisionConfig config, MeterRegistry registry, RiskStore risk, Notifier notifications,
            Clock clock, OpenBook book) {
        this.book = book;
        this.clock = clock;
        this.risk = risk;
        this.notifications = notifications;
        this.proposals = proposals;
        this.settings = settings;
        this.trading = trading;
        this.config = config;
        this.registry = registry;
        registry.gauge("decision.proposals.pending", pending);
        for (ProposalStatus status : ProposalStatus.values()) {
            registry.counter("decision.proposals", "status", status.name()); // at zero until the first
        }
    }

    /**
     * Stores a new proposal: PENDING with confirmation on; otherwise AUTO_EXECUTED or SKIPPED by confidence. An entry
     * without a measured edge ({@code proven} false: the edge gate advises) never executes on its own: it waits for a
     * person even with confirmation off. {@code decided} gives the engine's decision for the status the proposal is
     * stored with; the two are written in one transaction.
     */
    public Proposal submit(Proposal draft, boolean proven, Function<ProposalStatus, Decision> decided) {
        if (requireConfirmation() || !proven) {
            proposals.insert(draft, decided.apply(ProposalStatus.PENDING));
            count(ProposalStatus.PENDING);
            notifications.notify(Notifier.PROPOSAL, describe(draft) + unproven(draft) + " waits for confirmation until "
                    + draft.expiresAt(), draft);
            return draft;
        }
        if (draft.confidence() >= autoMinConfidence()) {
            return execute(draft, "auto-executed at confidence " + draft.confidence(), Notifier.FILL, decided);
        }
        Proposal skipped = draft.withStatus(ProposalStatus.SKIPPED, clock.instant());
        proposals.insert(skipped, decided.apply(ProposalStatus.SKIPPED));
        count(ProposalStatus.SKIPPED);
        return skipped;
    }

    /** Fills a stop-loss or take-profit exit at once; notified as a stop; written with its decision, as {@link #submit}. */
    public Proposal executeStop(Proposal draft, String reason, Function<ProposalStatus, Decision> decided) {
        return execute(draft, reason, Notifier.STOP, decided);
    }

    /** Fills {@code draft} at once without asking; one the ledger or the risk governor refuses is stored CANCELLED. */
    private Proposal execute(Proposal draft, String reason, String event, Function<ProposalStatus, Decision> decided) {
        try {
            Fill fill = trading.execute(draft, ProposalStatus.AUTO_EXECUTED, true, reason,
                    decided.apply(ProposalStatus.AUTO_EXECUTED));
            count(ProposalStatus.AUTO_EXECUTED);
            notifications.notify(event, describe(fill) + " (" + reason + ")" + unproven(draft), fill);
            return proposals.find(draft.id()).orElse(draft.withStatus(ProposalStatus.AUTO_EXECUTED, clock.instant()));
        } catch (LedgerConflict e) {
            Proposal cancelled = new Proposal(draft.id(), draft.kind(), draft.coin(), draft.side(), draft.size(),
                    draft.price(), draft.confidence(), draft.stopLossPct(), draft.source(), draft.mode(),
                    draft.policy(), draft.ruleReason(), draft.aiReason(), e.getMessage(), ProposalStatus.CANCELLED,
                    draft.createdAt(), draft.expiresAt(), clock.instant(),
                    e instanceof RiskRefusal refusal ? refusal.limit() : null, null, draft.edgeVerdict());
            proposals.insert(cancelled, decided.apply(ProposalStatus.CANCELLED));
            count(ProposalStatus.CANCELLED);
            return cancelled;
        }
    }

    public Optional<Proposal> find(String id) {
        return proposals.find(id);
    }

    public List<Proposal> list(ProposalStatus status, int limit) {
        return proposals.list(status, limit);
    }

    public boolean hasPending(String coin, ProposalKind kind) {
        return book.pending().stream()
                .anyMatch(p -> p.coin().equals(coin) && p.kind() == kind && !expired(p));
    }

    /**
     * Whether an entry in {@code coin} may be proposed: no entry of it waits and no position in it is open. A confirm
     * ends the pending entry and opens the position in one transaction, so the pending entries are read first and the
     * position after, while no fill of this process is being written: read the other way round, a confirm committing
     * between the two reads was seen as neither, and the engine proposed an entry no one could confirm (409, the
     * position is open) that stayed pending for the proposal's TTL (a kill -9 on Kafka showed it).
     */
    public boolean entryFree(String coin) {
        return trading.whileNoFill(() -> !hasPending(coin, ProposalKind.ENTRY) && trading.position(coin).isEmpty());
    }

    /**
     * Whether an exit of {@code position} may be proposed: no exit of its coin waits and the position is still open, read
     * in that order for the same reason as {@link #entryFree}: an exit filled meanwhile is seen, not proposed again.
     */
    public boolean exitFree(Position position) {
        return trading.whileNoFill(() -> !hasPending(position.coin(), ProposalKind.EXIT)
                && trading.position(position.coin()).filter(p -> Objects.equals(p.proposalId(), position.proposalId())).isPresent());
    }

    /**
     * Confirms a pending proposal and fills it, optionally with another (not larger) size for an entry.
     * Throws {@link ProposalConflict} when it is not pending, has expired, the ledger refuses or the risk
     * governor refuses (naming the limit); a price that moved past maxSlippagePct expires the proposal.
     */
    public Fill confirm(Proposal proposal, BigDecimal size) {
        requirePending(proposal);
        if (size != null && size.compareTo(proposal.size()) > 0) {
            throw new IllegalArgumentException("size " + size.toPlainString() + " is larger than the proposal's "
                    + proposal.size().toPlainString());
        }
        Proposal toFill = size == null || proposal.kind() == ProposalKind.EXIT ? proposal : proposal.withSize(size);
        try {
            Fill fill = trading.execute(toFill, ProposalStatus.CONFIRMED, false, "confirmed", null);
            count(ProposalStatus.CONFIRMED);
            notifications.notify(Notifier.FILL, describe(fill) + " (confirmed)", fill);
            return fill;
        } catch (RiskRefusal e) {
            if ("maxSlippagePct".equals(e.limit())
                    && proposals.transition(proposal.id(), ProposalStatus.PENDING, ProposalStatus.EXPIRED, clock.instant())) {
                count(ProposalStatus.EXPIRED);
                risk.markRefused(proposal.id(), e.limit());
                throw new ProposalConflict(e.getMessage() + "; the proposal is expired", ProposalStatus.EXPIRED, e.limit());
            }
            risk.markRefused(proposal.id(), e.limit());
            throw new ProposalConflict(e.getMessage(), proposal.status(), e.limit());
        } catch (LedgerConflict e) {
            throw new ProposalConflict(e.getMessage(), proposal.status());
        }
    }

    /**
     * Writes off the open position in {@code coin} whose market the feed no longer shows: closed at its entry price
     * (see {@link PaperTradingService#writeOff}), recorded as an executed EXIT proposal of source OPERATOR.
     */
    public Fill writeOff(String coin, io.signaldesk.decision.domain.Mode mode) {
        var position = trading.position(coin).orElseThrow(() -> new ProposalConflict("no open position in " + coin, null));
        Instant now = clock.instant();
        Proposal draft = new Proposal(java.util.UUID.randomUUID().toString(), ProposalKind.EXIT, coin, position.side(),
                position.qty(), position.entryPrice(), 10, null, "OPERATOR", mode, null,
                "written off by the operator: " + trading.foreignNote(position), null, null, ProposalStatus.PENDING, now,
                now, null);
        try {
            Fill fill = trading.writeOff(coin, draft);
            count(ProposalStatus.AUTO_EXECUTED);
            notifications.notify(Notifier.FILL, describe(fill) + " (" + fill.reason() + ")", fill);
            return fill;
        } catch (LedgerConflict e) {
            throw new ProposalConflict(e.getMessage(), null);
        }
    }

    public Proposal reject(Proposal proposal) {
        requirePending(proposal);
        Instant now = clock.instant();
        if (!proposals.transition(proposal.id(), ProposalStatus.PENDING, ProposalStatus.REJECTED, now)) {
            throw new ProposalConflict("proposal " + proposal.id() + " is no longer pending", proposal.status());
        }
        count(ProposalStatus.REJECTED);
        return proposal.withStatus(ProposalStatus.REJECTED, now);
    }

    /** Expires every pending proposal past its TTL; returns how many. */
    public int expireDue() {
        int expired = proposals.expireDue(clock.instant());
        if (expired > 0) {
            registry.counter("decision.proposals", "status", ProposalStatus.EXPIRED.name()).increment(expired);
        }
        pending.set(proposals.countByStatus(ProposalStatus.PENDING));
        return expired;
    }

    public boolean requireConfirmation() {
        return confirmation().required();
    }

    public int autoMinConfidence() {
        return confirmation().autoMinConfidence();
    }

    /** Switches confirmation at run time and keeps the choice in the database, like the mode. */
    public synchronized void configure(boolean requireConfirmation, int autoMinConfidence) {
        settings.saveSetting(REQUIRE_CONFIRMATION, Boolean.toString(requireConfirmation));
        settings.saveSetting(AUTO_MIN_CONFIDENCE, Integer.toString(autoMinConfidence));
        confirmation = new Confirmation(requireConfirmation, autoMinConfidence);
    }

    /** The stored setting, else the configured default; read once (after the migrations ran). */
    private Confirmation confirmation() {
        Confirmation current = confirmation;
        if (current == null) {
            current = new Confirmation(
                    settings.setting(REQUIRE_CONFIRMATION).map(Boolean::parseBoolean).orElse(config.requireConfirmation()),
                    settings.setting(AUTO_MIN_CONFIDENCE).map(Integer::parseInt).orElse(config.autoMinConfidence()));
            confirmation = current;
        }
        return current;
    }

    public java.time.Duration ttl() {
        return config.proposalTtl();
    }

    private void requirePending(Proposal proposal) {
        if (proposal.status() != ProposalStatus.PENDING) {
            throw new ProposalConflict("proposal " + proposal.id() + " is " + proposal.status(), proposal.status());
        }
        if (expired(proposal)) {
            if (proposals.transition(proposal.id(), ProposalStatus.PENDING, ProposalStatus.EXPIRED, clock.instant())) {
                count(ProposalStatus.EXPIRED);
            }
            throw new ProposalConflict("proposal " + proposal.id() + " expired at " + proposal.expiresAt(),
                    ProposalStatus.EXPIRED);
        }
    }

    private boolean expired(Proposal proposal) {
        return !proposal.expiresAt().isAfter(clock.instant());
    }

    private void count(ProposalStatus status) {
        registry.counter("decision.proposals", "status", status.name()).increment();
        pending.set(proposals.countByStatus(ProposalStatus.PENDING));
    }

    private static String describe(Proposal p) {
        return p.kind() + " " + p.side() + " " + p.size().stripTrailingZeros().toPlainString() + " " + p.coin()
                + (p.price() == null ? "" : " at " + p.price().stripTrailingZeros().toPlainString())
                + " (" + p.source() + ", confidence " + p.confidence() + ")";
    }

    /** ", unproven: no measured edge ..." for an entry proposed without a proven edge (advise, or the gate off); else "". */
    private static String unproven(Proposal p) {
        String warning = p.edgeVerdict() == null ? null : p.edgeVerdict().warning();
        return warning == null ? "" : ", " + warning + ",";
    }

    private static String describe(Fill f) {
        return "Filled " + f.kind() + " " + f.side() + " " + f.qty().stripTrailingZeros().toPlainString() + " "
                + f.coin() + " at " + f.price().stripTrailingZeros().toPlainString()
                + (f.kind() == ProposalKind.EXIT ? ", realised " + f.realizedPnl().stripTrailingZeros().toPlainString() : "");
    }

    /** The proposal cannot move the way asked: answered as 409; {@code refusedBy} names the risk limit, if one refused. */
    public static class ProposalConflict extends RuntimeException {
        private final ProposalStatus status;
        private final String refusedBy;

        public ProposalConflict(String message, ProposalStatus status) {
            this(message, status, null);
        }

        public ProposalConflict(String message, ProposalStatus status, String refusedBy) {
            super(message);
            this.status = status;
            this.refusedBy = refusedBy;
        }

        public ProposalStatus status() {
            return status;
        }

        public String refusedBy() {
            return refusedBy;
        }
    }
}
