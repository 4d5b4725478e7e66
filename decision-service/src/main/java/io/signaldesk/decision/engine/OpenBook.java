package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.EquityPoint;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.port.ProposalStore;
import io.signaldesk.decision.engine.port.TradeLedger;

/**
 * The engine's open positions and pending proposals in memory, so that evaluating a coin reads nothing from the
 * ledger that the engine already knows. Every change is written to the ledger first (the stores below are the ones
 * the engine writes through); a write then drops what was kept, and the next use loads it again from the ledger,
 * once. The first use after start loads it too. On a ledger other decision services write as well
 * ({@code LedgerState.shared()}: PostgreSQL), a confirmation elsewhere would go unseen, so there every use reads
 * the ledger, as before.
 */
final class OpenBook {

    /** As many pending proposals as the engine looks at (a coin's pending entry or exit among them). */
    static final int PENDING_LIMIT = 200;

    private final ProposalStore proposals;
    private final TradeLedger trades;
    private final boolean inMemory;
    private Map<String, Position> positions;
    private List<Proposal> pending;

    OpenBook(ProposalStore proposals, TradeLedger trades, boolean inMemory) {
        this.proposals = proposals;
        this.trades = trades;
        this.inMemory = inMemory;
    }

    /** The open position in {@code coin}. */
    Optional<Position> position(String coin) {
        if (!inMemory) {
            return trades.position(coin);
        }
        return Optional.ofNullable(positions().get(coin));
    }

    /** Every open position, in the ledger's order. */
    synchronized Map<String, Position> positions() {
        if (!inMemory) {
            return byCoin(trades.positions());
        }
        if (positions == null) {
            positions = byCoin(trades.positions());
        }
        return positions;
    }

    /** The newest pending proposals (at most {@link #PENDING_LIMIT}), expired ones included until expireDue runs. */
    synchronized List<Proposal> pending() {
        if (!inMemory) {
            return proposals.list(ProposalStatus.PENDING, PENDING_LIMIT);
        }
        if (pending == null) {
            pending = List.copyOf(proposals.list(ProposalStatus.PENDING, PENDING_LIMIT));
        }
        return pending;
    }

    /** The ledger changed: what was kept is loaded again on next use (waits for a load under way to finish). */
    private synchronized void changed() {
        positions = null;
        pending = null;
    }

    private static Map<String, Position> byCoin(List<Position> open) {
        Map<String, Position> byCoin = new LinkedHashMap<>();
        open.forEach(p -> byCoin.put(p.coin(), p));
        return java.util.Collections.unmodifiableMap(byCoin);
    }

    /** The proposal store the engine writes through. */
    ProposalStore proposals() {
        return new ProposalStore() {
            @Override
            public void insert(Proposal proposal, Decision decided) {
                try {
                    proposals.insert(proposal, decided);
                } finally {
                    changed();
                }
            }

            @Override
            public Optional<Proposal> find(String id) {
                return proposals.find(id);
            }

            @Override
            public List<Proposal> list(ProposalStatus status, int limit) {
                return proposals.list(status, limit);
            }

            @Override
            public boolean transition(String id, ProposalStatus from, ProposalStatus to, Instant at) {
                try {
                    return proposals.transition(id, from, to, at);
                } finally {
                    changed();
                }
            }

            @Override
            public int expireDue(Instant now) {
                int expired = proposals.expireDue(now);
                if (expired > 0) {
                    changed();
                }
                return expired;
            }

            @Override
            public long countByStatus(ProposalStatus status) {
                return proposals.countByStatus(status);
            }
        };
    }

    /** The book the engine writes through: a fill changes the positions and the pending proposals. */
    TradeLedger trades() {
        return new TradeLedger() {
            @Override
            public FillResult applyFill(String proposalId, ProposalStatus to, Proposal insertProposal, Fill fill,
                    Position opened, String resizedBy, Decision decided) {
                try {
                    return trades.applyFill(proposalId, to, insertProposal, fill, opened, resizedBy, decided);
                } finally {
                    changed();
                }
            }

            @Override
            public List<Position> positions() {
                return List.copyOf(OpenBook.this.positions().values());
            }

            @Override
            public Optional<Position> position(String coin) {
                return OpenBook.this.position(coin);
            }

            @Override
            public List<Fill> fills(int limit) {
                return trades.fills(limit);
            }

            @Override
            public List<Fill> fillsOn(String market, int limit) {
                return trades.fillsOn(market, limit);
            }

            @Override
            public Optional<Fill> fillOf(String proposalId) {
                return trades.fillOf(proposalId);
            }

            @Override
            public BigDecimal realizedPnl() {
                return trades.realizedPnl();
            }

            @Override
            public void addEquityPoint(EquityPoint point) {
                trades.addEquityPoint(point);
            }

            @Override
            public List<EquityPoint> equityCurve(int limit) {
                return trades.equityCurve(limit);
            }

            @Override
            public Optional<String> setting(String name) {
                return trades.setting(name);
            }

            @Override
            public void saveSetting(String name, String value) {
                trades.saveSetting(name, value);
            }

            @Override
            public void saveSettings(Map<String, String> values) {
                trades.saveSettings(values);
            }
        };
    }
}
