package io.signaldesk.decision.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.edge.EdgeEstimate;
import io.signaldesk.core.evaluation.DirectionAccuracy;
import io.signaldesk.core.exit.ExitPolicy;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.paper.PaperMath;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.domain.ConfirmCard;
import io.signaldesk.decision.domain.ConfirmCard.ConfidenceRecord;
import io.signaldesk.decision.domain.ConfirmCard.EdgeRecord;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.engine.RiskService;

/**
 * The confirm card of a pending proposal: what a confirm fills (notional, share of equity, stop, target, fees, the
 * worst fill the slippage guard lets through), how long it waits, and what its confidence has been worth, priced with
 * the core's {@link FeeModel} and {@link ExitPolicy} and the live evaluation's calls.
 */
@ApplicationScoped
public class ProposalCards {

    /** A proposal as the API and the dashboard show it: its fields, and the card while it is pending. */
    @RegisterForReflection
    public record ProposalView(@JsonUnwrapped Proposal proposal, ConfirmCard card) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FeeModel fees;
    private final ExitPolicy exits;
    private final RiskService risk;
    private final PaperTradingService trading;
    private final LiveEvaluationService evaluation;
    private final StrategySettings strategy;
    private final EdgeService edge;
    private final Clock clock;

    ProposalCards(FeeModel fees, ExitPolicy exits, RiskService risk, PaperTradingService trading,
            LiveEvaluationService evaluation, StrategySettings strategy, EdgeService edge, Clock clock) {
        this.edge = edge;
        this.fees = fees;
        this.exits = exits;
        this.risk = risk;
        this.trading = trading;
        this.evaluation = evaluation;
        this.strategy = strategy;
        this.clock = clock;
    }

    public List<ProposalView> view(List<Proposal> proposals) {
        return proposals.stream().map(this::view).toList();
    }

    public ProposalView view(Proposal p) {
        return new ProposalView(p, p.status() == ProposalStatus.PENDING && p.price() != null ? card(p) : null);
    }

    ConfirmCard card(Proposal p) {
        boolean entry = p.kind() == ProposalKind.ENTRY;
        BigDecimal notional = p.size().multiply(p.price());
        BigDecimal equity = trading.cachedPortfolio().equity();
        BigDecimal equityPct = equity.signum() > 0 ? notional.multiply(HUNDRED).divide(equity, 2, RoundingMode.HALF_UP) : null;
        BigDecimal fill = fees.fillPrice(p.kind(), p.side(), p.price());
        BigDecimal fee = fees.fee(p.size(), fill);
        BigDecimal stop = null;
        BigDecimal target = null;
        BigDecimal maxSlippage = null;
        BigDecimal worst = null;
        BigDecimal roundTrip = fee;
        if (entry) {
            BigDecimal stopPct = p.stopLossPct() == null ? strategy.exits().stopLossPct() : p.stopLossPct();
            stop = price(ExitPolicy.stopPrice(p.side(), fill, stopPct), p.price());
            target = price(exits.targetPrice(p.side(), fill), p.price());
            roundTrip = fee.add(fee);
            maxSlippage = risk.limits().maxSlippagePct();
            // the guard lets the live price move maxSlippagePct either way; the worst is the way against the buyer/seller
            worst = price(fees.fillPrice(p.kind(), p.side(), PaperMath.offset(p.price(), p.side(), maxSlippage, false)),
                    p.price());
        }
        long left = Math.max(0, Duration.between(clock.instant(), p.expiresAt()).toSeconds());
        ConfidenceRecord confidence = confidence(p);
        boolean low = "1-3".equals(confidence.bucket());
        // advise's and, with the gate off, every proposed entry whose setup is not proven
        String unprovenWarning = p.edgeVerdict() == null ? null : p.edgeVerdict().warning();
        boolean unproven = unprovenWarning != null;
        List<String> warnings = new ArrayList<>();
        if (unproven) {
            warnings.add(unprovenWarning);
        }
        if (low) {
            warnings.add("low confidence: " + p.confidence() + "/10");
        }
        if (confidence.rate() != null && confidence.high() < 0.5) {
            warnings.add("this source's " + confidence.bucket() + " calls went the wrong way more often than not");
        }
        if (!entry) {
            warnings.add("not confirmed, the " + p.side() + " position in " + p.coin() + " stays open");
        }
        String onExpiry = entry ? "expires unconfirmed: nothing is entered"
                : "expires unconfirmed: the position stays open, its stop and target still apply";
        return new ConfirmCard(cents(notional), equityPct, price(fill, p.price()), stop, target, cents(fee),
                cents(roundTrip), maxSlippage, worst, left, onExpiry, confidence, entry ? edge(p) : null, low, unproven,
                List.copyOf(warnings));
    }

    /** The setup's record the gate judged the entry by: at its horizon, net of the round trip, with its lower bound. */
    private EdgeRecord edge(Proposal p) {
        String source = "RULES_FALLBACK".equals(p.source()) || p.source() == null ? "RULES" : p.source();
        Direction direction = Direction.valueOf(p.side().name());
        Optional<EdgeEstimate> atCall = edge.lastCall(p.coin(), source, direction);
        EdgeEstimate estimate = atCall.orElseGet(() -> edge.estimateNow(p.coin(), source, direction, p.confidence()));
        String horizon = SignalScoringService.label(edge.horizon());
        String cost = "after the " + estimate.roundTripPct().stripTrailingZeros().toPlainString()
                + " % round trip (fee + slippage, both fills)";
        String figures = estimate.cold()
                ? estimate.scored() + " of " + estimate.minSample() + " calls scored, too few to measure an edge"
                : "expectancy " + signed(estimate.expectancyPct()) + " % a trade " + cost + ", lower bound "
                        + (estimate.lowerBoundPct() == null ? "unknown" : signed(estimate.lowerBoundPct()) + " %") + " ("
                        + BigDecimal.valueOf(estimate.confidence() * 100).stripTrailingZeros().toPlainString()
                        + " % one-sided), " + estimate.scored() + " calls";
        String market = edge.marketOf(p.coin());
        String meaning = "edge gate on " + market + ", over " + horizon + (atCall.isPresent() ? "" : " (its record now)") + ": "
                + estimate.setup().label() + ": " + figures + (estimate.proven() ? ": measured edge" : ": no measured edge");
        return new EdgeRecord(horizon, atCall.isPresent(), estimate, meaning, market);
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

    private ConfidenceRecord confidence(Proposal p) {
        String source = p.source() == null ? "RULES" : p.source();
        DirectionAccuracy measured = evaluation.accuracyOf(source, p.confidence());
        String horizon = evaluation.evaluation().horizon();
        String bucket = SignalScorer.bucket(p.confidence());
        String stated = p.confidence() + "/10 is the " + source + " call's own estimate (read as " + p.confidence() * 10
                + " % that the direction is right)";
        String meaning = measured.calls() == 0
                ? stated + "; not measured yet: no " + source + " call at " + bucket + " has been scored over " + horizon
                : stated + "; measured over " + horizon + ", direction only (before costs): " + source + " calls at "
                        + bucket + " went the called way " + pct(measured.rate()) + " of " + measured.calls()
                        + " times (95 % interval " + pct(measured.low()) + "-" + pct(measured.high()) + ")";
        return new ConfidenceRecord(p.confidence(), bucket, source, horizon, measured.calls(), measured.hits(),
                measured.rate(), measured.low(), measured.high(), meaning);
    }

    private static String pct(Double rate) {
        return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static BigDecimal cents(BigDecimal money) {
        return money.setScale(2, RoundingMode.HALF_UP);
    }

    /** A derived price at the quoted price's decimals plus two (a 95,000.10 quote: 4 decimals), at least 2. */
    private static BigDecimal price(BigDecimal value, BigDecimal quoted) {
        return value.setScale(Math.max(2, Math.min(8, quoted.stripTrailingZeros().scale() + 2)), RoundingMode.HALF_UP);
    }
}
