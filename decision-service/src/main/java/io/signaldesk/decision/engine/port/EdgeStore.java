package io.signaldesk.decision.engine.port;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.signaldesk.core.edge.SetupKey;

/** The edge gate's track record: scored calls by setup, tagged by where they came from. */
public interface EdgeStore {

    /** One call scored at {@code horizon}: its setup, when it was called, its move its way (percent, before costs). */
    record ScoredCall(SetupKey setup, Instant calledAt, Duration horizon, BigDecimal movePct) {
    }

    void insert(ScoredCall call, String origin);

    void insertAll(List<ScoredCall> calls, String origin);

    List<ScoredCall> scored(Duration horizon);

    void deleteAll();
}
