package io.signaldesk.decision.engine.port;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.EquityPoint;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;

/** The paper account's book in the ledger: fills, open positions, the equity curve and the trader's settings. */
public interface TradeLedger {

    /** What a fill did: {@code applied} false when nothing changed; how many pending exits it superseded. */
    record FillResult(boolean applied, int superseded) {
    }

    /**
     * In one transaction: moves the proposal out of PENDING (or inserts {@code insertProposal} already executed),
     * records the fill and opens ({@code opened}) or closes the position; {@code decided}, the engine's decision that
     * made the proposal (null for none: a confirm, a write-off), is written in the same transaction.
     */
    FillResult applyFill(String proposalId, ProposalStatus to, Proposal insertProposal, Fill fill, Position opened,
            String resizedBy, Decision decided);

    List<Position> positions();

    Optional<Position> position(String coin);

    List<Fill> fills(int limit);

    /**
     * The newest {@code limit} fills made on {@code market} (their feed's market; {@code EdgeService.NOT_RECORDED}: the
     * fills from before markets were recorded), newest first.
     */
    List<Fill> fillsOn(String market, int limit);

    Optional<Fill> fillOf(String proposalId);

    BigDecimal realizedPnl();

    void addEquityPoint(EquityPoint point);

    List<EquityPoint> equityCurve(int limit);

    Optional<String> setting(String name);

    void saveSetting(String name, String value);

    /** All of them in one transaction. */
    void saveSettings(Map<String, String> values);
}
