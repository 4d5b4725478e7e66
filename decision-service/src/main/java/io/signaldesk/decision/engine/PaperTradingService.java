package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.core.exit.ExitPolicy;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.paper.ExitFill;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.paper.PaperMath;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.domain.EquityPoint;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.domain.RiskVerdict;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.TradeLedger;

/** Paper trading: fills proposals at the live price with fee and slippage, and values the book. */
public class PaperTradingService {

    /**
     * One open position marked to the live price of its own market. {@code unrealizedPnl} is what closing it now would
     * realise: the exit fill at {@code exitPrice} (the mark moved against us by the slippage) paying {@code exitFee},
     * and the entry fee already paid. When the feed's prices are of another market it stays at its entry price with no
     * exit costs (what its write-off realises), {@code marked} is false and {@code note} says why.
     */
    @RegisterForReflection
    public record MarkedPosition(Position position, BigDecimal markPrice, BigDecimal exitPrice, BigDecimal exitFee,
            BigDecimal unrealizedPnl, boolean marked, String note) {
    }

    /** The whole book at one instant. */
    @RegisterForReflection
    public record Portfolio(BigDecimal initialEquity, BigDecimal equity, BigDecimal realizedPnl,
            BigDecimal unrealizedPnl, List<MarkedPosition> positions, List<EquityPoint> equityCurve, Instant at) {
    }

    private final TradeLedger ledger;
    private final FeedStateService market;
    private final StrategySettings strategy;
    private final MeterRegistry registry;
    private final RiskService risk;
    private final ExitPolicy exitPolicy;
    private final Clock clock;
    private final EngineTime time;
    private final FeeModel fees;
    private volatile Portfolio cached;

    PaperTradingService(TradeLedger ledger, FeedStateService market, StrategySettings strategy,
            MeterRegistry registry, RiskService risk, Clock clock, ExitPolicy exitPolicy, EngineTime time) {
        this.exitPolicy = exitPolicy;
        this.time = time;
        this.clock = clock;
        this.risk = risk;
        this.ledger = ledger;
        this.market = market;
        this.strategy = strategy;
        this.fees = strategy.costs();
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
     * {@code decided}, the engine's decision that made the proposal (null for none: a person's confirm), is written in
     * the fill's transaction.
     */
    public synchronized Fill execute(Proposal toFill, ProposalStatus to, boolean insert, String reason, Decision decided) {
        Proposal proposal = toFill;
        Optional<Position> open = ledger.position(proposal.coin());
        BigDecimal mark = market.price(proposal.coin())
                .orElseThrow(() -> new LedgerConflict("no live price for " + toFill.coin()));
        FeedIdentity feed = market.feedOf(proposal.coin()).orElse(FeedIdentity.UNKNOWN);
        String venue = market.latest(proposal.coin()).map(CoinSnapshot::venue).orElse(null);
        Instant now = time.now(proposal.coin()); // market time in a replay: the risk windows count fills by it
        BigDecimal price = fees.fillPrice(proposal.kind(), proposal.side(), mark);
        Fill fill;
        Position opened = null;
        String resizedBy = null;
        if (proposal.kind() == ProposalKind.ENTRY) {
            if (open.isPresent()) {
                throw new LedgerConflict("a " + open.get().side() + " position in " + proposal.coin() + " is already open");
            }
            RiskVerdict verdict = risk.checkSlippage(proposal.price(), mark)
                    .orElseGet(() -> risk.checkEntry(toFill.coin(), toFill.size(), price, toFill.source(), account()));
            if (!verdict.allowed()) {
                throw new RiskRefusal(verdict);
            }
            if (verdict.resizedBy() != null) {
                resizedBy = verdict.resizedBy();
                proposal = proposal.withSize(verdict.size()).withRisk(null, resizedBy);
            }
            BigDecimal fee = fees.fee(proposal.size(), price);
            BigDecimal stopPct = proposal.stopLossPct() == null ? strategy.exits().stopLossPct() : proposal.stopLossPct();
            opened = new Position(proposal.coin(), proposal.side(), proposal.size(), price, fee,
                    ExitPolicy.stopPrice(proposal.side(), price, stopPct), exitPolicy.targetPrice(proposal.side(), price),
                    now, proposal.id(),
                    feed.market(), feed.source(), venue);
            fill = new Fill(0, proposal.id(), ProposalKind.ENTRY, proposal.coin(), proposal.side(), proposal.size(),
                    price, fee, BigDecimal.ZERO, reason, now, feed.market(), feed.source(), venue);
        } else {
            Position position = open.filter(p -> p.side() == toFill.side())
                    .orElseThrow(() -> new LedgerConflict("no open " + toFill.side() + " position in " + toFill.coin()));
            if (!market.sameMarket(position)) {
                throw new LedgerConflict(foreignNote(position) + ": not closed at another market's price"
                        + " (POST /api/portfolio/positions/" + position.coin() + "/write-off closes it at its entry price)");
            }
            ExitFill exit = fees.exit(position.side(), position.entryPrice(), position.qty(), position.entryFee(), mark);
            fill = new Fill(0, proposal.id(), ProposalKind.EXIT, proposal.coin(), proposal.side(), position.qty(),
                    exit.price(), exit.fee(), exit.netPnl(), reason, now, feed.market(), feed.source(), venue);
        }
        if (proposal.kind() == ProposalKind.ENTRY) {
            risk.requireNotHalted(); // after the fill's time was taken: a halt since then refuses it
        }
        return record(proposal, to, insert ? proposal.withStatus(to, now) : null, fill, opened, resizedBy, decided);
    }

    /** What {@code read} returns, read while no fill of this process is being written (a fill holds the same lock). */
    public synchronized <T> T whileNoFill(java.util.function.Supplier<T> read) {
        return read.get();
    }

    /**
     * Closes a position whose market the feed no longer shows (opened on an earlier simulator run, a replay, another
     * venue) at its entry price with no exit fee, so it realises only its entry fee; refused while its own market's
     * prices arrive (an exit is the way then).
     */
    public synchronized Fill writeOff(String coin, Proposal draft) {
        Position position = ledger.position(coin).orElseThrow(() -> new LedgerConflict("no open position in " + coin));
        if (market.sameMarket(position)) {
            throw new LedgerConflict("the " + coin + " position's market " + position.feedMarket()
                    + " is the feed's: close it with an exit, not a write-off");
        }
        Instant now = clock.instant();
        String reason = "written off: " + foreignNote(position);
        Fill fill = new Fill(0, draft.id(), ProposalKind.EXIT, coin, position.side(), position.qty(),
                position.entryPrice(), BigDecimal.ZERO, position.entryFee().negate(), reason, now,
                position.feedMarket(), position.feedSource(), position.venue());
        return record(draft, ProposalStatus.AUTO_EXECUTED, draft.withStatus(ProposalStatus.AUTO_EXECUTED, now), fill,
                null, null, null);
    }

    /** Why a position is not marked or stopped by the feed: the market it was opened on and the feed's. */
    public String foreignNote(Position position) {
        String now = market.feedOf(position.coin()).map(FeedIdentity::market).orElse("none");
        return "the " + position.coin() + " position was opened on "
                + (position.feedMarket() == null ? "an unrecorded market" : position.feedMarket())
                + "; the feed's " + position.coin() + " prices are of " + now;
    }

    private Fill record(Proposal proposal, ProposalStatus to, Proposal stored, Fill fill, Position opened,
            String resizedBy, Decision decided) {
        TradeLedger.FillResult result = ledger.applyFill(proposal.id(), to, stored, fill, opened, resizedBy, decided);
        if (!result.applied()) {
            throw new LedgerConflict("proposal " + proposal.id() + " is no longer pending");
        }
        if (result.superseded() > 0) {
            registry.counter("decision.proposals", "status", ProposalStatus.SUPERSEDED.name())
                    .increment(result.superseded());
        }
        fills(registry, proposal.coin(), PaperMath.buys(proposal.kind(), proposal.side()) ? "BUY" : "SELL").increment();
        ledger.addEquityPoint(new EquityPoint(fill.at(), account().equity()));
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

    /** The newest {@code limit} fills made on {@code market} (their feed's), newest first. */
    public List<Fill> tradesOn(String market, int limit) {
        return ledger.fillsOn(market, limit);
    }

    /** Recomputes the portfolio from the ledger and live prices, with the stored equity curve (the API, the dashboard). */
    public Portfolio refresh() {
        return mark(ledger.equityCurve(500));
    }

    /**
     * The account now (positions marked, equity) for the engine's own checks, without reading the equity curve again:
     * it keeps the last one read ({@link #refresh()} reads it; the scheduler does every tick), which no decision uses.
     */
    public Portfolio account() {
        Portfolio last = cached;
        return mark(last == null ? ledger.equityCurve(500) : last.equityCurve());
    }

    private Portfolio mark(List<EquityPoint> equityCurve) {
        BigDecimal realized = ledger.realizedPnl();
        BigDecimal unrealized = BigDecimal.ZERO;
        List<MarkedPosition> marked = new ArrayList<>();
        for (Position position : ledger.positions()) {
            Optional<BigDecimal> own = market.priceFor(position);
            boolean foreign = own.isEmpty() && market.price(position.coin()).isPresent();
            // closing at the mark is what it is worth; one with no price of its market (another market's, or none: a coin
            // no longer followed) is held at its entry price, no exit costs charged on a fill no one can price
            ExitFill exit = own.isEmpty()
                    ? new ExitFill(position.entryPrice(), BigDecimal.ZERO, position.entryFee().negate())
                    : fees.exit(position.side(), position.entryPrice(), position.qty(), position.entryFee(),
                            own.orElse(position.entryPrice()));
            unrealized = unrealized.add(exit.netPnl());
            marked.add(new MarkedPosition(position, own.orElse(position.entryPrice()), exit.price(), exit.fee(),
                    exit.netPnl(), own.isPresent(),
                    foreign ? "not marked: " + foreignNote(position) : own.isEmpty() ? "no price yet" : null));
        }
        BigDecimal equity = strategy.sizing().initialEquity().add(realized).add(unrealized);
        cached = new Portfolio(strategy.sizing().initialEquity(), equity, realized, unrealized, marked, equityCurve,
                clock.instant());
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

    /** decision.fills{coin, side}: BUY or SELL fills of a coin (registered at zero when the feed first names the coin). */
    static Counter fills(MeterRegistry registry, String coin, String side) {
        return registry.counter("decision.fills", "coin", coin, "side", side);
    }
}
