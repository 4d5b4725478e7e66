package io.signaldesk.core.exit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.signaldesk.core.paper.PaperMath;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.core.trade.PositionSide;

/**
 * When a position is closed or looked at. Stop-loss and take-profit are price levels set at entry
 * ({@link #stopPrice}, {@link #targetPrice}) and close at once when the mark reaches them ({@link #stopOrTarget});
 * otherwise an exit check is due every {@code checkEvery}, or earlier when the mark moved {@code adverseMovePct}
 * against the position since the last check ({@link #checkDue}). The live engine, the backtest and the analyzer's
 * rules exit answer all use it.
 */
public final class ExitPolicy {

    private final ExitSettings settings;

    public ExitPolicy(ExitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ExitSettings settings() {
        return settings;
    }

    /** The stop-loss level of a position entered at {@code entry}: stop-loss-pct against it. */
    public BigDecimal stopPrice(PositionSide side, BigDecimal entry) {
        return stopPrice(side, entry, settings.stopLossPct());
    }

    /** The stop-loss level at another distance (a proposal may carry its own). */
    public static BigDecimal stopPrice(PositionSide side, BigDecimal entry, BigDecimal stopLossPct) {
        return PaperMath.offset(entry, side, stopLossPct, true);
    }

    /** The take-profit level of a position entered at {@code entry}: take-profit-pct in its favour. */
    public BigDecimal targetPrice(PositionSide side, BigDecimal entry) {
        return PaperMath.offset(entry, side, settings.takeProfitPct(), false);
    }

    /**
     * STOP_LOSS when the mark is at or beyond the stop (below it for a LONG, above for a SHORT), else TAKE_PROFIT when
     * at or beyond the target; the stop wins when both are (a gap through both). A null level never triggers.
     */
    public static Optional<ExitTrigger> stopOrTarget(PositionSide side, BigDecimal stop, BigDecimal target,
            BigDecimal mark) {
        boolean isLong = side == PositionSide.LONG;
        if (stop != null && (isLong ? mark.compareTo(stop) <= 0 : mark.compareTo(stop) >= 0)) {
            return Optional.of(ExitTrigger.STOP_LOSS);
        }
        if (target != null && (isLong ? mark.compareTo(target) >= 0 : mark.compareTo(target) <= 0)) {
            return Optional.of(ExitTrigger.TAKE_PROFIT);
        }
        return Optional.empty();
    }

    /**
     * Whether an exit check is due at {@code now}: SCHEDULED when none ran yet ({@code lastCheck} null) or
     * {@code checkEvery} has passed since it, ADVERSE_MOVE when the mark moved at least adverse-move-pct against the
     * position since {@code lastCheckPrice} (the entry price before the first check).
     */
    public Optional<ExitCheckReason> checkDue(PositionSide side, Instant lastCheck, BigDecimal lastCheckPrice,
            Instant now, BigDecimal mark) {
        if (lastCheck == null || !lastCheck.plus(settings.checkEvery()).isAfter(now)) {
            return Optional.of(ExitCheckReason.SCHEDULED);
        }
        if (adverse(side, lastCheckPrice, mark)) {
            return Optional.of(ExitCheckReason.ADVERSE_MOVE);
        }
        return Optional.empty();
    }

    /** True when the mark moved at least adverse-move-pct against the side since {@code reference}. */
    public boolean adverse(PositionSide side, BigDecimal reference, BigDecimal mark) {
        BigDecimal move = SignalScorer.movePct(reference, mark);
        BigDecimal against = side == PositionSide.LONG ? move.negate() : move;
        return against.compareTo(settings.adverseMovePct()) >= 0;
    }
}
