package io.signaldesk.decision.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.decision.engine.port.CooldownStore;

/** The engine's entry cooldowns in the ledger ({@code entry_cooldown}, one row a coin). */
@ApplicationScoped
public class CooldownRepository implements CooldownStore {

    private final Db db;

    public CooldownRepository(Db db) {
        this.db = db;
    }

    @Override
    public Map<String, Instant> entryDecisions() {
        return db.read(c -> {
            Map<String, Instant> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT coin, decided_at FROM entry_cooldown");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("coin"), Db.instant(rs, "decided_at"));
                }
            }
            return out;
        });
    }

    @Override
    public void entryDecided(String coin, Instant at) {
        db.inTransaction(c -> Db.update(c, """
                INSERT INTO entry_cooldown (coin, decided_at) VALUES (?, ?)
                ON CONFLICT (coin) DO UPDATE SET decided_at = excluded.decided_at""", coin, at));
    }

    @Override
    public void clear() {
        db.inTransaction(c -> Db.update(c, "DELETE FROM entry_cooldown"));
    }
}
