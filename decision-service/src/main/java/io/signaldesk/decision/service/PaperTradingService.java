package io.signaldesk.decision.service;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.EquityPoint;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalKind;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.domain.RiskVerdict;
import io.signaldesk.decision.repository.LedgerRepository;

/** Paper trading: fills proposals at the live price with fee and slippage, and values the book. */
@ApplicationScoped
public class PaperTradingService {

    /** One open position marked to the live price. */
    @RegisterForReflection
    public record MarkedPosition(Position position, BigDecimal markPrice, BigDecimal unrealizedPnl) {
    }

    /** The whole book at one instant. */
    @RegisterForReflection
    public record Portfolio(BigDecimal initialEquity, BigDecimal equity, BigDecimal realizedPnl,
            BigDecimal unrealizedPnl, List<MarkedPosition> positions, List<EquityPoint> equityCurve, Instant at) {
    }

    private final LedgerRepository ledger;
    private final MarketStateService market;
    private final DecisionConfig config;
    private final MeterRegistry registry;
    private final RiskService risk;
    private final Clock clock = Clock.systemUTC();
    private volatile Portfolio cached;

    PaperTradingService(LedgerRepository ledger, MarketStateService market, DecisionConfig config,
            MeterRegistry registry, RiskService risk) {
        this.risk = risk;
        this.ledger = ledger;
        this.market = market;
        this.config = config;
        this.registry = registry;
        registry.gauge("decision.equity", this, s -> s.cachedPortfolio().equity().doubleValue());
        registry.gauge("decision.pnl.realized", this, s -> s.cachedPortfolio().realizedPnl().doubleValue());
        registry.gauge("decision.pnl.unrealized", this, s -> s.cachedPortfolio().unrealizedPnl().doubleValue());
    }

    /**
     * Fills {@code proposal} at the live price. With {@code insert} the proposal is stored already
     * executed in the same transaction; otherwise it must still be PENDING. Serialised so two
     * confirmations of the same proposal cannot both pass; the fill's unique proposal id guards the rest.
     * An entry passes the risk governor first (price moved past maxSlippagePct, halted, limits): refused with
     * {@link RiskRefusal}, or filled at the size it allows (the stored proposal then names the limit in resizedBy).
     */
    public synchronized Fill execute(Proposal toFill, ProposalStatus to, boolean insert, String reason) {
        Proposal proposal = toFill;
        BigDecimal mark = market.price(proposal.coin())
                .orElseThrow(() -> new LedgerConflict("no live price for " + toFill.coin()));
        Optional<Position> open = ledger.position(proposal.coin());
        Instant now = clock.instant();
        BigDecimal price = PaperMath.fillPrice(proposal.kind(), proposal.side(), mark, config.paper().slippagePct());
        Fill fill;
        Position opened = null;
        String resizedBy = null;
        if (proposal.kind() == ProposalKind.ENTRY) {
            if (open.isPresent()) {
                throw new LedgerConflict("a " + open.get().side() + " position in " + proposal.coin() + " is already open");
            }
            RiskVerdict verdict = risk.checkSlippage(proposal.price(), mark)
                    .orElseGet(() -> risk.checkEntry(toFill.coin(), toFill.size(), price, toFill.source(), refresh()));
            if (!verdict.allowed()) {
                throw new RiskRefusal(verdict);
            }
            if (verdict.resizedBy() != null) {
                resizedBy = verdict.resizedBy();
                proposal = proposal.withSize(verdict.size()).withRisk(null, resizedBy);
            }
            BigDecimal fee = PaperMath.fee(proposal.size(), price, config.paper().feePct());
            BigDecimal stopPct = proposal.stopLossPct() == null ? config.paper().defaultStopLossPct() : proposal.stopLossPct();
            opened = new Position(proposal.coin(), proposal.side(), proposal.size(), price, fee,
                    PaperMath.offset(price, proposal.side(), stopPct, true),
                    PaperMath.offset(price, proposal.side(), config.paper().takeProfitPct(), false), now, proposal.id());
            fill = new Fill(0, proposal.id(), ProposalKind.ENTRY, proposal.coin(), proposal.side(), proposal.size(),
                    price, fee, BigDecimal.ZERO, reason, now);
        } else {
            Position position = open.filter(p -> p.side() == toFill.side())
                    .orElseThrow(() -> new LedgerConflict("no open " + toFill.side() + " position in " + toFill.coin()));
            BigDecimal fee = PaperMath.fee(position.qty(), price, config.paper().feePct());
            BigDecimal realized = PaperMath.grossPnl(position.side(), position.entryPrice(), price, position.qty())
                    .subtract(position.entryFee()).subtract(fee);
            fill = new Fill(0, proposal.id(), ProposalKind.EXIT, proposal.coin(), proposal.side(), position.qty(),
                    price, fee, realized, reason, now);
        }
        Proposal stored = insert ? proposal.withStatus(to, now) : null;
        LedgerRepository.FillResult result = ledger.applyFill(proposal.id(), to, stored, fill, opened, resizedBy);
        if (!result.applied()) {
            throw new LedgerConflict("proposal " + proposal.id() + " is no longer pending");
        }
        if (result.superseded() > 0) {
            registry.counter("decision.proposals", "status", ProposalStatus.SUPERSEDED.name())
                    .increment(result.superseded());
        }
        registry.counter("decision.fills", "coin", proposal.coin(),
                "side", PaperMath.buys(proposal.kind(), proposal.side()) ? "BUY" : "SELL").increment();
        refresh();
        ledger.addEquityPoint(new EquityPoint(now, cached.equity()));
        return ledger.fillOf(proposal.id()).orElse(fill);
    }

    public Optional<Position> position(String coin) {
        return ledger.position(coin);
    }

    public List<Position> positions() {
        return ledger.positions();
    }

    public List<Fill> trades(int limit) {
        return ledger.fills(limit);
    }

    /** Recomputes the portfolio from the ledger and live prices. */
    public Portfolio refresh() {
        BigDecimal realized = ledger.realizedPnl();
        BigDecimal unrealized = BigDecimal.ZERO;
        List<MarkedPosition> marked = new ArrayList<>();
        for (Position position : ledger.positions()) {
            BigDecimal mark = market.price(position.coin()).orElse(position.entryPrice());
            BigDecimal pnl = PaperMath.unrealized(position, mark);
            unrealized = unrealized.add(pnl);
            marked.add(new MarkedPosition(position, mark, pnl));
        }
        BigDecimal equity = config.paper().initialEquity().add(realized).add(unrealized);
        cached = new Portfolio(config.paper().initialEquity(), equity, realized, unrealized, marked,
                ledger.equityCurve(500), clock.instant());
        return cached;
    }

    public Portfolio cachedPortfolio() {
        Portfolio portfolio = cached;
        return portfolio == null ? refresh() : portfolio;
    }

    /** Adds the current equity to the curve. */
    public void recordEquity() {
        Portfolio portfolio = refresh();
        ledger.addEquityPoint(new EquityPoint(portfolio.at(), portfolio.equity()));
    }

    /** The ledger refused: nothing was filled. */
    public static class LedgerConflict extends RuntimeException {
        public LedgerConflict(String message) {
            super(message);
        }
    }

    /** The risk governor refused the entry; {@link #limit()} names the limit. Nothing was filled. */
    public static class RiskRefusal extends LedgerConflict {
        private final String limit;

        public RiskRefusal(RiskVerdict verdict) {
            super("refused by " + verdict.refusedBy() + ": " + verdict.reason());
            this.limit = verdict.refusedBy();
        }

        public String limit() {
            return limit;
        }
    }
}
