package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.domain.RiskVerdict;

/**
 * The limits every entry passes before it is proposed and again before it is filled, whoever asked for
 * it (rules, model, auto-execution, a person confirming). Pure: the account comes in as a {@link Book}.
 * Exits and stops never come here: closing risk is never blocked.
 */
public final class RiskGovernor {

    /** Sources in which the model had a say; safe mode blocks their entries. */
    private static final Set<String> MODEL_SOURCES = Set.of("AI", "RULES+AI", "HYBRID", "RULES_FALLBACK");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int QTY_SCALE = 6;

    private RiskGovernor() {
    }

    /** An entry about to be proposed or filled. */
    public record Entry(String coin, BigDecimal size, BigDecimal price, String source) {
    }

    /**
     * The account when the entry is checked.
     *
     * @param equity          current equity (cash plus open positions marked)
     * @param initialEquity   the paper account's start, base of the daily loss limit
     * @param openPositions   positions open now
     * @param grossExposure   sum of |qty x mark| of the open positions
     * @param pnlToday        realised P&L of today's (UTC) fills plus unrealised P&L of the open positions
     * @param entriesLastHour entry fills in the last 60 minutes
     * @param lastLosingExit  when the latest exit that lost money was filled, null if none
     */
    public record Book(BigDecimal equity, BigDecimal initialEquity, int openPositions, BigDecimal grossExposure,
            BigDecimal pnlToday, int entriesLastHour, Instant lastLosingExit, boolean halted, boolean safeMode,
            Instant now) {
    }

    /**
     * True when the entry needed the model: it decided or co-decided (AI, RULES+AI, ANALYZER_RULES, ...), or the
     * rules stood in for it because it did not answer (RULES_FALLBACK, in AI or HYBRID mode); not RULES mode's rules.
     */
    public static boolean modelSourced(String source) {
        return source != null && (MODEL_SOURCES.contains(source) || source.startsWith("ANALYZER_"));
    }

    /** Allowed (perhaps resized down) or refused, naming the limit. Checks run in a fixed order; the first refusal wins. */
    public static RiskVerdict check(Entry entry, Book book, RiskLimits limits) {
        if (book.halted()) {
            return RiskVerdict.refuse("halted", "trading is halted: no new entries until resumed");
        }
        if (book.safeMode() && modelSourced(entry.source())) {
            return RiskVerdict.refuse("safeMode", "safe mode: the model failed " + limits.safeModeAfterFailures()
                    + " times in a row, so entries it decided (" + entry.source() + ") are blocked");
        }
        BigDecimal lossLimit = pct(book.initialEquity(), limits.dailyLossLimitPct());
        if (book.pnlToday().negate().compareTo(lossLimit) >= 0) {
            return RiskVerdict.refuse("dailyLossLimitPct", "today's loss " + plain(book.pnlToday().negate())
                    + " reached the daily limit " + plain(lossLimit) + " (" + plain(limits.dailyLossLimitPct()) + " %)");
        }
        if (book.lastLosingExit() != null && limits.lossCooldownSeconds() > 0
                && book.lastLosingExit().plusSeconds(limits.lossCooldownSeconds()).isAfter(book.now())) {
            return RiskVerdict.refuse("lossCooldownSeconds", "cooling down after a losing trade at "
                    + book.lastLosingExit() + " (" + limits.lossCooldownSeconds() + " s)");
        }
        if (book.entriesLastHour() >= limits.maxEntriesPerHour()) {
            return RiskVerdict.refuse("maxEntriesPerHour", book.entriesLastHour() + " entries in the last hour, at most "
                    + limits.maxEntriesPerHour());
        }
        if (book.openPositions() >= limits.maxOpenPositions()) {
            return RiskVerdict.refuse("maxOpenPositions", book.openPositions() + " positions open, at most "
                    + limits.maxOpenPositions());
        }
        BigDecimal size = entry.size();
        String resizedBy = null;
        String reason = null;
        BigDecimal positionCap = pct(book.equity(), limits.maxPositionPct());
        if (size.multiply(entry.price()).compareTo(positionCap) > 0) {
            size = quantity(positionCap, entry.price());
            if (size.signum() <= 0) {
                return RiskVerdict.refuse("maxPositionPct", "equity " + plain(book.equity()) + " leaves no room for a position");
            }
            resizedBy = "maxPositionPct";
            reason = "cut to " + plain(limits.maxPositionPct()) + " % of equity (" + plain(positionCap) + ")";
        }
        BigDecimal room = pct(book.equity(), limits.maxGrossExposurePct()).subtract(book.grossExposure());
        if (size.multiply(entry.price()).compareTo(room) > 0) {
            BigDecimal cut = room.signum() > 0 ? quantity(room, entry.price()) : BigDecimal.ZERO;
            if (cut.signum() <= 0) {
                return RiskVerdict.refuse("maxGrossExposurePct", "open exposure " + plain(book.grossExposure())
                        + " already uses the " + plain(limits.maxGrossExposurePct()) + " % of equity allowed");
            }
            size = cut;
            resizedBy = "maxGrossExposurePct";
            reason = "cut to the " + plain(room.max(BigDecimal.ZERO)) + " of exposure left under "
                    + plain(limits.maxGrossExposurePct()) + " % of equity";
        }
        return resizedBy == null ? RiskVerdict.allow(size) : RiskVerdict.resize(size, resizedBy, reason);
    }

    /** A refusal when {@code mark} moved more than maxSlippagePct from the proposal's {@code quoted} price. */
    public static Optional<RiskVerdict> slippage(BigDecimal quoted, BigDecimal mark, RiskLimits limits) {
        if (quoted == null || quoted.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal moved = mark.subtract(quoted).abs().multiply(HUNDRED).divide(quoted, 6, RoundingMode.HALF_UP);
        if (moved.compareTo(limits.maxSlippagePct()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(RiskVerdict.refuse("maxSlippagePct", "price moved " + plain(moved) + " % from the proposal's "
                + plain(quoted) + " to " + plain(mark) + ", more than " + plain(limits.maxSlippagePct()) + " %"));
    }

    private static BigDecimal pct(BigDecimal base, BigDecimal pct) {
        return base.multiply(pct).divide(HUNDRED);
    }

    private static BigDecimal quantity(BigDecimal notional, BigDecimal price) {
        return notional.divide(price, QTY_SCALE, RoundingMode.DOWN);
    }

    private static String plain(BigDecimal value) {
        return value.setScale(Math.min(Math.max(value.scale(), 0), 8), RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
