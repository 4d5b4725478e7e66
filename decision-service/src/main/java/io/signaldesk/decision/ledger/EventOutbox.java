package io.signaldesk.decision.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signaldesk.decision.domain.LedgerEvent;

/**
 * The transactional outbox of ledger events (table event_outbox): with SIGNAL_TRANSPORT=kafka the repositories add
 * a decision's or a fill's event in the transaction that records it; client/LedgerEventPublisher sends the unsent
 * ones in order and marks them. In the websocket transport nothing is written.
 */
public class EventOutbox {

    public static final String DECISIONS = "signal.decisions";
    public static final String FILLS = "signal.fills";

    /** One stored event: where it goes, under which key, and its JSON. */
    public record Row(String eventId, String topic, String key, String payload, Instant createdAt) {
    }

    private final boolean enabled;
    private final ObjectMapper mapper;
    private final Db db;
    private final Clock clock = Clock.systemUTC();
    private volatile Runnable onAdded = () -> {
    };

    /** {@code enabled}: the kafka transport ({@code adapter/Transports} makes the service's one outbox). */
    public EventOutbox(boolean enabled, ObjectMapper mapper, Db db) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.db = db;
    }

    /** An outbox that keeps nothing (a ledger stack built by hand in a test). */
    static EventOutbox none() {
        return new EventOutbox(false, null, null);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Called after each event is added (the publisher, which waits a moment for the commit). */
    public void onAdded(Runnable listener) {
        this.onAdded = listener;
    }

    /** Adds the event on {@code connection}, inside the caller's transaction (nothing in the websocket transport). */
    void add(Connection connection, String topic, LedgerEvent event) throws SQLException {
        if (!enabled) {
            return;
        }
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise event " + event.eventId(), e);
        }
        Db.update(connection, "INSERT INTO event_outbox (event_id, topic, event_key, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                event.eventId(), topic, event.coin(), payload, clock.instant());
        try {
            onAdded.run();
        } catch (RuntimeException e) { // the event is stored: the next scheduled drain sends it
        }
    }

    /** The oldest unsent events, in the order they were recorded. */
    public List<Row> unsent(int limit) {
        return db.read(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT event_id, topic, event_key, payload, created_at FROM event_outbox WHERE sent_at IS NULL
                    ORDER BY created_at, event_id LIMIT ?""", limit); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Db.instant(rs, "created_at")));
                }
            }
            return rows;
        });
    }

    /** How many events wait to be published. */
    public long backlog() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM event_outbox WHERE sent_at IS NULL");
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Claims the given unsent events for publisher {@code by}: those not claimed by another publisher within the last
     * {@code lease} (the others are being sent by a live one). Returns the ids claimed.
     */
    public List<String> claim(List<String> eventIds, String by, java.time.Duration lease) {
        Instant now = clock.instant();
        Instant expired = now.minus(lease);
        return db.inTransaction(c -> {
            List<String> claimed = new ArrayList<>();
            for (String id : eventIds) {
                if (Db.update(c, """
                        UPDATE event_outbox SET claimed_by = ?, claimed_at = ? WHERE event_id = ? AND sent_at IS NULL
                        AND (claimed_by IS NULL OR claimed_by = ? OR claimed_at < ?)""", by, now, id, by, expired) == 1) {
                    claimed.add(id);
                }
            }
            return claimed;
        });
    }

    /** Marks events the broker acknowledged (or that were found on their topic) as sent. */
    public void markSent(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        db.inTransaction(c -> {
            for (String id : eventIds) {
                Db.update(c, "UPDATE event_outbox SET sent_at = ? WHERE event_id = ? AND sent_at IS NULL", now, id);
            }
            return null;
        });
    }

    /** Forgets events sent before {@code cutoff} (the topics keep them). */
    public int purgeSentBefore(Instant cutoff) {
        return db.inTransaction(c -> Db.update(c, "DELETE FROM event_outbox WHERE sent_at IS NOT NULL AND sent_at < ?", cutoff));
    }
}
