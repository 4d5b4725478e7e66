package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;


import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.domain.RiskVerdict;
import io.signaldesk.decision.engine.PaperTradingService.MarkedPosition;
import io.signaldesk.decision.engine.PaperTradingService.Portfolio;
import io.signaldesk.decision.engine.PaperTradingService.RiskRefusal;
import io.signaldesk.decision.engine.port.Notifier;
import io.signaldesk.decision.engine.port.LedgerUnavailable;
import io.signaldesk.decision.engine.port.RiskStore;
import io.signaldesk.decision.engine.port.TradeLedger;

/**
 * Holds what the {@link RiskGovernor} checks against: the limits (stored), the kill switch (stored, so a
 * restart keeps it) and safe mode (consecutive model failures, in memory); builds the governor's view of
 * the account and notifies halt, resume and safe-mode changes.
 */
public class RiskService {

    /**
     * The kill switch: when halted, why and since when; {@code durable} once the ledger holds it (a halt is in force
     * at once, in memory, and written after: on a failing ledger it is retried until written).
     */
    @RegisterForReflection
    public record Halt(boolean halted, String reason, Instant since, boolean durable) {

        Halt written() {
            return new Halt(halted, reason, since, true);
        }
    }

    /**
     * Safe mode: on after limits.safeModeAfterFailures consecutive failures of the engine's own questions to the
     * model. {@code since} when it last came on and {@code cameOnBecause} the failure that switched it on (kept after it
     * cleared); {@code clearedAt} and {@code clearedBecause} when and why it last went off (null while on or never).
     */
    @RegisterForReflection
    public record SafeMode(boolean on, int consecutiveFailures, String lastFailure, Instant since, String cameOnBecause,
            Instant clearedAt, String clearedBecause) {

        static final SafeMode NEVER = new SafeMode(false, 0, null, null, null, null, null);

        /** Off, the count back to zero, the last episode kept. */
        SafeMode cleared(Instant at, String because) {
            return on ? new SafeMode(false, 0, null, since, cameOnBecause, at, because)
                    : new SafeMode(false, 0, null, since, cameOnBecause, clearedAt, clearedBecause);
        }

        /** One more failure in a row; on at {@code threshold}. */
        SafeMode failed(String failure, int count, int threshold, Instant at) {
            if (on) {
                return new SafeMode(true, count, failure, since, cameOnBecause, null, null);
            }
            return count >= threshold ? new SafeMode(true, count, failure, at, failure, null, null)
                    : new SafeMode(false, count, failure, since, cameOnBecause, clearedAt, clearedBecause);
        }
    }

    /** Everything GET /api/decision/risk and the dashboard show. */
    @RegisterForReflection
    public record RiskState(RiskLimits limits, Halt halt, SafeMode safeMode) {
    }

    private static final Logger LOG = Logger.getLogger(RiskService.class);
    private static final String HALTED = "halted", HALT_REASON = "halt-reason", HALTED_AT = "halted-at";

    private final RiskStore repository;
    private final TradeLedger settings;
    private final DecisionConfig config;
    private final Notifier notifications;
    private final Clock clock;
    private final EngineTime time;
    private final AtomicInteger failures = new AtomicInteger();
    private final Object persisting = new Object();
    private volatile RiskLimits limits;
    private volatile Halt halt;
    private volatile SafeMode safeMode = SafeMode.NEVER;

    RiskService(RiskStore repository, TradeLedger settings, DecisionConfig config,
            Notifier notifications, MeterRegistry registry, Clock clock, EngineTime time) {
        this.clock = clock;
        this.time = time;
        this.repository = repository;
        this.settings = settings;
        this.config = config;
        this.notifications = notifications;
        registry.gauge("decision.risk.halted", this, s -> s.halt().halted() ? 1 : 0);
        registry.gauge("decision.risk.safe.mode", this, s -> s.safeMode().on() ? 1 : 0);
    }

    public RiskState state() {
        return new RiskState(limits(), halt(), safeMode());
    }

    /** The stored limits, else the decision.risk.* defaults; read once (after the migrations ran). */
    public RiskLimits limits() {
        RiskLimits current = limits;
        if (current == null) {
            current = repository.limits().orElseGet(this::defaults);
            limits = current;
        }
        return current;
    }

    /** The decision.risk.* configuration. */
    public RiskLimits defaults() {
        DecisionConfig.Risk d = config.risk();
        return new RiskLimits(d.maxPositionPct(), d.maxOpenPositions(), d.maxGrossExposurePct(), d.dailyLossLimitPct(),
                d.lossCooldownSeconds(), d.maxEntriesPerHour(), d.safeModeAfterFailures(), d.maxSlippagePct());
    }

    public synchronized RiskLimits update(RiskLimits newLimits) {
        repository.save(newLimits, clock.instant());
        limits = newLimits;
        LOG.infof("risk limits changed: %s", newLimits);
        return newLimits;
    }

    /** The governor's verdict on an entry of {@code size} at {@code price}, against the account in {@code portfolio}. */
    public RiskVerdict checkEntry(String coin, BigDecimal size, BigDecimal price, String source, Portfolio portfolio) {
        return RiskGovernor.check(new RiskGovernor.Entry(coin, size, price, source), book(portfolio, coin), limits());
    }

    /** A refusal when the price moved more than maxSlippagePct since the proposal was made. */
    public Optional<RiskVerdict> checkSlippage(BigDecimal quoted, BigDecimal mark) {
        return RiskGovernor.slippage(quoted, mark, limits());
    }

    /**
     * The account as the governor sees it for an entry in {@code coin}, on {@link EngineTime}: on a live feed the
     * clock and every fill; on market time (a replay, a backtest) the venue time of the coin's latest snapshot and
     * the fills of that market only, so a replay at any speed meets the limits the backtest of its frames meets.
     */
    RiskGovernor.Book book(Portfolio portfolio, String coin) {
        Instant now = time.now(coin);
        Optional<String> market = time.marketTimeMarket(coin);
        Instant dayStart = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        BigDecimal gross = BigDecimal.ZERO;
        for (MarkedPosition marked : portfolio.positions()) {
            gross = gross.add(marked.position().qty().multiply(marked.markPrice()).abs());
        }
        BigDecimal pnlToday = repository.realizedSince(dayStart, market).add(portfolio.unrealizedPnl());
        return new RiskGovernor.Book(portfolio.equity(), portfolio.initialEquity(), portfolio.positions().size(), gross,
                pnlToday, repository.entriesSince(now.minus(Duration.ofHours(1)), market),
                repository.lastLosingExit(market).orElse(null), halt().halted(), safeMode().on(), now);
    }

    public Halt halt() {
        Halt current = halt;
        if (current == null) {
            synchronized (this) {
                if (halt == null) {
                    halt = new Halt(settings.setting(HALTED).map(Boolean::parseBoolean).orElse(false),
                            settings.setting(HALT_REASON).filter(r -> !r.isEmpty()).orElse(null),
                            settings.setting(HALTED_AT).filter(t -> !t.isEmpty()).map(Instant::parse).orElse(null), true);
                }
                current = halt;
            }
        }
        return current;
    }

    public boolean halted() {
        return halt().halted();
    }

    /**
     * Refuses an entry whose fill time was taken before this call once a halt is in force. Under the halt's lock: a
     * halt either comes first (refused) or its instant is taken after this call, later than the fill's: no entry is
     * filled at or after the halt's instant.
     */
    public synchronized void requireNotHalted() {
        Halt current = halt();
        if (current.halted()) {
            throw new RiskRefusal(RiskVerdict.refuse("halted", "trading is halted since " + current.since()
                    + ": no new entries until resumed"));
        }
    }

    /**
     * The kill switch: no new entry is proposed or filled until {@link #resume()}; exits and stops go on. In force at
     * once in memory (and notified), then written to the ledger; if that fails it stays in force, not durable, and
     * {@link #persistHalt()} is retried until the ledger takes it.
     */
    public Halt halt(String reason) {
        Halt before;
        Halt now;
        synchronized (this) {
            before = halt();
            now = new Halt(true, reason, clock.instant(), false);
            halt = now;
        }
        LOG.warnf("trading halted%s", reason == null ? "" : ": " + reason);
        if (!before.halted()) {
            notifications.notify(Notifier.HALT, "Trading halted" + (reason == null ? "" : ": " + reason), now);
        }
        return persistHalt();
    }

    public Halt resume() {
        Halt before;
        Halt now;
        synchronized (this) {
            before = halt();
            now = new Halt(false, null, clock.instant(), false);
            halt = now;
        }
        if (before.halted()) {
            LOG.info("trading resumed");
            notifications.notify(Notifier.RESUME, "Trading resumed", now);
        }
        return persistHalt();
    }

    /**
     * Writes the kill switch as it is in memory (the latest halt or resume wins); answers it, {@code durable} when
     * written. A failing ledger leaves it in force and not durable (the ledger's health says why).
     */
    public Halt persistHalt() {
        synchronized (persisting) {
            Halt current = halt();
            if (current.durable()) {
                return current;
            }
            try {
                settings.saveSettings(Map.of(HALTED, Boolean.toString(current.halted()),
                        HALT_REASON, current.reason() == null ? "" : current.reason(),
                        HALTED_AT, current.since() == null ? "" : current.since().toString()));
            } catch (LedgerUnavailable e) {
                LOG.warnf("the %s of %s is in force but not yet written to the ledger (%s); retried",
                        current.halted() ? "halt" : "resume", current.since(), e.why());
                return current;
            }
            synchronized (this) {
                if (halt == current) {
                    halt = current.written();
                }
                return halt;
            }
        }
    }

    public SafeMode safeMode() {
        return safeMode;
    }

    /**
     * Counts a model answer: {@code ok} when the model itself answered; otherwise {@code failure} says why
     * (TIMEOUT, ANALYZER_DOWN, the analyzer's own fallback, ...). Safe mode goes on after
     * limits.safeModeAfterFailures failures in a row and off at the next good answer.
     */
    public void modelAnswered(boolean ok, String failure) {
        SafeMode before;
        SafeMode after;
        synchronized (this) {
            before = safeMode;
            if (ok) {
                failures.set(0);
                after = before.cleared(clock.instant(), "the model answered again");
            } else {
                after = before.failed(failure, failures.incrementAndGet(), limits().safeModeAfterFailures(), clock.instant());
            }
            safeMode = after;
        }
        announce(before, after, ok ? "the model answered again" : failure);
    }

    /** Operator action: safe mode off and the failure count back to zero. */
    public SafeMode clearSafeMode() {
        SafeMode before;
        synchronized (this) {
            before = safeMode;
            failures.set(0);
            safeMode = before.cleared(clock.instant(), "cleared by the operator");
        }
        announce(before, safeMode, "cleared by the operator");
        return safeMode;
    }

    private void announce(SafeMode before, SafeMode after, String why) {
        if (before.on() == after.on()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consecutiveFailures", after.on() ? after.consecutiveFailures() : before.consecutiveFailures());
        data.put("why", why);
        if (after.on()) {
            LOG.warnf("safe mode on after %d model failures (last: %s): model-decided entries are blocked",
                    after.consecutiveFailures(), why);
            notifications.notify(Notifier.SAFE_MODE_ON, "Safe mode on: " + after.consecutiveFailures()
                    + " model failures in a row (last: " + why + "); AI entries are blocked", data);
        } else {
            LOG.infof("safe mode off: %s", why);
            notifications.notify(Notifier.SAFE_MODE_OFF, "Safe mode off: " + why, data);
        }
    }
}
