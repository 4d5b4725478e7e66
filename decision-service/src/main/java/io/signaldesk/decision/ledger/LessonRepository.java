package io.signaldesk.decision.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.edge.Tally;
import io.signaldesk.core.evaluation.StudentT;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;
import io.signaldesk.decision.lessons.Lesson;
import io.signaldesk.decision.lessons.Lesson.Status;

/**
 * Lessons in the ledger ({@code lesson}, {@code lesson_version}, {@code lesson_draft}, V14) and the model's scored
 * answers a draft reads ({@code model_answer}). Every change of the accepted set is one transaction with its version
 * row, so the version and the set never disagree, a kill -9 included.
 */
@ApplicationScoped
public class LessonRepository {

    /** One version of the accepted set: its number, when, what changed, the accepted ids after it. */
    public record Version(int version, Instant at, String change, List<Long> lessonIds) {
    }

    /**
     * The answers of the model in use asked under one lesson version (null: before lessons, or not said), scored at the
     * edge horizon: how many, how many right, how many acted and the mean net after costs of those (percent), with its
     * 95 % Student-t interval (null below two acted answers).
     */
    public record VersionRecord(Integer version, long answers, long right, long acted, Double actedNetPct,
            Double actedNetLowPct, Double actedNetHighPct) {
    }

    /** One draft: when, the newest answer it covered, its outcome, its proposals, what went wrong (if anything). */
    public record Draft(Instant at, Instant through, String outcome, int proposals, String detail) {
    }

    private static final String COLUMNS = """
            id, line, status, proposed_at, decided_at, model, setups, decisions, rights, net_pct, net_low, net_high, tokens""";

    /**
     * The panel's count of answers scored on a market since the last draft: index model_answer_scored (V16, V21)
     * answers it alone.
     */
    static final String SCORED_AFTER = """
            SELECT COUNT(*) AS n FROM model_answer WHERE horizon_seconds = ? AND role = 'PRIMARY' AND market = ?
                AND answered_at > ?""";

    /** The panel's answers on a market by lesson version: index model_answer_by_version (V16, V21) holds every column it reads. */
    static final String BY_VERSION = """
            SELECT lesson_version, COUNT(*) AS answers, SUM(right_answer) AS rights, SUM(acted) AS acted,
                SUM(CASE WHEN acted = 1 THEN CAST(net_pct AS DOUBLE PRECISION) END) AS net_sum,
                SUM(CASE WHEN acted = 1 THEN CAST(net_pct AS DOUBLE PRECISION) * CAST(net_pct AS DOUBLE PRECISION) END)
                    AS net_squares
            FROM model_answer WHERE horizon_seconds = ? AND role = 'PRIMARY' AND market = ?
            GROUP BY lesson_version ORDER BY COALESCE(lesson_version, -1)""";

    private final Db db;

    public LessonRepository(Db db) {
        this.db = db;
    }

    /** Stores new proposals with the next ids; returns them as stored. */
    public List<Lesson> propose(List<Lesson> lessons) {
        return db.inTransaction(c -> {
            long next = nextId(c);
            List<Lesson> out = new ArrayList<>();
            for (Lesson l : lessons) {
                Lesson stored = new Lesson(next++, l.line(), Status.PROPOSED, l.proposedAt(), null, l.model(), l.evidence(),
                        l.tokens());
                Lesson.Evidence e = stored.evidence();
                Db.update(c, "INSERT INTO lesson (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        stored.id(), stored.line(), stored.status(), stored.proposedAt(), null, stored.model(),
                        String.join("; ", e.setups()), e.decisions(), e.right(), e.netPct(), e.netLowPct(),
                        e.netHighPct(), stored.tokens());
                out.add(stored);
            }
            return out;
        });
    }

    public Optional<Lesson> find(long id) {
        return db.read(c -> {
            try (PreparedStatement s = Db.prepare(c, "SELECT " + COLUMNS + " FROM lesson WHERE id = ?", id);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(lesson(rs)) : Optional.empty();
            }
        });
    }

    /** Lessons in {@code statuses}, oldest first. */
    public List<Lesson> list(List<Status> statuses) {
        String marks = String.join(", ", statuses.stream().map(s -> "?").toList());
        return db.read(c -> {
            List<Lesson> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, "SELECT " + COLUMNS + " FROM lesson WHERE status IN (" + marks
                    + ") ORDER BY id", statuses.toArray()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(lesson(rs));
                }
            }
            return out;
        });
    }

    /**
     * Moves lesson {@code id} from {@code from} to {@code to} at {@code at}; when {@code changesSet}, in the same
     * transaction a new version of the accepted set is written. Empty when the lesson was not in {@code from} (a race
     * lost, or a second click): nothing is written.
     */
    public Optional<Version> decide(long id, Status from, Status to, Instant at, boolean changesSet, String change) {
        return db.inTransaction(c -> {
            if (Db.update(c, "UPDATE lesson SET status = ?, decided_at = ? WHERE id = ? AND status = ?", to, at, id, from) != 1) {
                return Optional.<Version>empty();
            }
            if (!changesSet) {
                return Optional.of(current(c));
            }
            Version now = new Version(current(c).version() + 1, at, change, acceptedIds(c));
            Db.update(c, "INSERT INTO lesson_version (version, changed_at, change, lesson_ids) VALUES (?, ?, ?, ?)",
                    now.version(), at, change, String.join(",", now.lessonIds().stream().map(String::valueOf).toList()));
            return Optional.of(now);
        });
    }

    /** The accepted set's current version (0 with none yet). */
    public Version current() {
        return db.read(LessonRepository::current);
    }

    /** Every version, newest first, at most {@code limit}. */
    public List<Version> versions(int limit) {
        return db.read(c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT version, changed_at, change, lesson_ids FROM lesson_version ORDER BY version DESC LIMIT ?""", limit);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs));
                }
            }
            return out;
        });
    }

    /** Skipped, failed and empty drafts kept: a busy desk may skip one a minute (no idle model time); older ones are deleted. */
    static final int DRAFTS_KEPT = 200;

    /** Records a draft; skipped, failed and empty ones older than the newest {@link #DRAFTS_KEPT} drafts are deleted. */
    public void drafted(Draft draft) {
        db.inTransaction(c -> {
            Db.update(c, """
                    INSERT INTO lesson_draft (drafted_at, through, outcome, proposals, detail) VALUES (?, ?, ?, ?, ?)""",
                    draft.at(), draft.through(), draft.outcome(), draft.proposals(), draft.detail());
            return Db.update(c, """
                    DELETE FROM lesson_draft WHERE outcome IN ('SKIPPED', 'FAILED', 'EMPTY') AND drafted_at < (SELECT drafted_at
                        FROM lesson_draft ORDER BY drafted_at DESC LIMIT 1 OFFSET ?)""", DRAFTS_KEPT - 1);
        });
    }

    /**
     * Records an EMPTY draft (nothing to sum up) as one line: it takes the place of the newest draft when that was EMPTY
     * too, and nothing is written when that one says the same (the same newest answer, the same reason). True when
     * written.
     */
    public boolean emptyDrafted(Draft draft) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT drafted_at, through, outcome, detail FROM lesson_draft ORDER BY drafted_at DESC LIMIT 1""");
                    ResultSet rs = s.executeQuery()) {
                if (rs.next() && "EMPTY".equals(rs.getString("outcome"))) {
                    if (draft.through().equals(Db.instant(rs, "through")) && draft.detail().equals(rs.getString("detail"))) {
                        return false;
                    }
                    Db.update(c, """
                            UPDATE lesson_draft SET drafted_at = ?, through = ?, detail = ?
                            WHERE outcome = 'EMPTY' AND drafted_at = ?""", draft.at(), draft.through(), draft.detail(),
                            Db.instant(rs, "drafted_at"));
                    return true;
                }
            }
            Db.update(c, """
                    INSERT INTO lesson_draft (drafted_at, through, outcome, proposals, detail) VALUES (?, ?, ?, ?, ?)""",
                    draft.at(), draft.through(), draft.outcome(), draft.proposals(), draft.detail());
            return true;
        });
    }

    /** The newest drafts, newest first. */
    public List<Draft> drafts(int limit) {
        return db.read(c -> {
            List<Draft> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT drafted_at, through, outcome, proposals, detail FROM lesson_draft
                    ORDER BY drafted_at DESC LIMIT ?""", limit); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Draft(Db.instant(rs, "drafted_at"), Db.instant(rs, "through"), rs.getString("outcome"),
                            rs.getInt("proposals"), rs.getString("detail")));
                }
            }
            return out;
        });
    }

    /** The newest answer a draft that reached the model covered (a draft skipped or failed covered nothing). */
    public Optional<Instant> coveredThrough() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT MAX(through) AS t FROM lesson_draft WHERE outcome IN ('DRAFTED', 'INVALID')");
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Db.instant(rs, "t")) : Optional.empty();
            }
        });
    }

    /**
     * How many answers of the model in use were scored at {@code horizon} on {@code market} after {@code after} (null:
     * ever).
     */
    public int scoredAfter(Duration horizon, String market, Instant after) {
        return db.read(c -> {
            try (PreparedStatement s = Db.prepare(c, SCORED_AFTER, horizon.toSeconds(), market,
                    after == null ? Instant.EPOCH : after);
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt("n") : 0;
            }
        });
    }

    /**
     * The newest {@code limit} answers of the model in use scored at {@code horizon} on {@code market}, oldest first
     * (without texts).
     */
    public List<ScoredAnswer> recentAnswers(Duration horizon, String market, int limit) {
        return db.read(c -> {
            List<ScoredAnswer> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, """
                    SELECT kind, coin, side, acted, confidence, model, answered_at, move_pct, net_pct, right_answer
                    FROM model_answer WHERE horizon_seconds = ? AND role = 'PRIMARY' AND market = ?
                    ORDER BY answered_at DESC LIMIT ?""", horizon.toSeconds(), market, limit); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int confidence = rs.getInt("confidence");
                    Integer known = rs.wasNull() ? null : confidence;
                    out.add(0, new ScoredAnswer(rs.getString("kind"), rs.getString("coin"), rs.getString("side"),
                            rs.getInt("acted") == 1, known, rs.getString("model"), Db.instant(rs, "answered_at"), horizon,
                            Db.decimal(rs, "move_pct"), Db.decimal(rs, "net_pct"), rs.getInt("right_answer") == 1, null,
                            null, null, "PRIMARY", null, market));
                }
            }
            return out;
        });
    }

    /** Forgets every lesson, version and draft (a fresh ledger's state). */
    public void clear() {
        db.inTransaction(c -> {
            Db.update(c, "DELETE FROM lesson_draft");
            Db.update(c, "DELETE FROM lesson_version");
            return Db.update(c, "DELETE FROM lesson");
        });
    }

    /**
     * The model's scored answers on {@code market} by the lesson version they were asked under, oldest version first
     * (null first: ordered by COALESCE because SQLite sorts NULL first and PostgreSQL last).
     */
    public List<VersionRecord> byVersion(Duration horizon, String market) {
        return db.read(c -> {
            List<VersionRecord> out = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, BY_VERSION, horizon.toSeconds(), market);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int version = rs.getInt("lesson_version");
                    Integer known = rs.wasNull() ? null : version;
                    long acted = rs.getLong("acted");
                    Tally nets = new Tally(acted, rs.getDouble("net_sum"), rs.getDouble("net_squares"));
                    Double mean = acted == 0 ? null : round(nets.sum() / acted);
                    double half = StudentT.halfWidth(nets.stdev(), acted, 0.95);
                    out.add(new VersionRecord(known, rs.getLong("answers"), rs.getLong("rights"), acted, mean,
                            Double.isNaN(half) ? null : round(mean - half), Double.isNaN(half) ? null : round(mean + half)));
                }
            }
            return out;
        });
    }

    private static double round(double pct) {
        return Math.round(pct * 10_000) / 10_000.0;
    }

    private static long nextId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM lesson");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong("n");
        }
    }

    private static Version current(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT version, changed_at, change, lesson_ids FROM lesson_version ORDER BY version DESC LIMIT 1""");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? version(rs) : new Version(0, null, "none accepted yet", List.of());
        }
    }

    private static List<Long> acceptedIds(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = Db.prepare(c, "SELECT id FROM lesson WHERE status = ? ORDER BY id", Status.ACCEPTED);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong("id"));
            }
        }
        return ids;
    }

    private static Version version(ResultSet rs) throws SQLException {
        String ids = rs.getString("lesson_ids");
        return new Version(rs.getInt("version"), Db.instant(rs, "changed_at"), rs.getString("change"),
                ids == null || ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList());
    }

    private static Lesson lesson(ResultSet rs) throws SQLException {
        String setups = rs.getString("setups");
        return new Lesson(rs.getLong("id"), rs.getString("line"), Db.enumOf(rs, "status", Status.class),
                Db.instant(rs, "proposed_at"), Db.instant(rs, "decided_at"), rs.getString("model"),
                new Lesson.Evidence(setups.isEmpty() ? List.of() : List.of(setups.split("; ")), rs.getInt("decisions"),
                        rs.getInt("rights"), Db.decimal(rs, "net_pct"), Db.decimal(rs, "net_low"),
                        Db.decimal(rs, "net_high")),
                rs.getInt("tokens"));
    }
}
