package io.signaldesk.decision.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Backtest jobs in the ledger ({@code backtest_job}, one row a job): written when a job is queued, starts and ends,
 * its report kept as JSON text, so the jobs the trader ran are there after a restart; a queued or running one names
 * its owner and holds a lease the owner renews, so services sharing the ledger tell a job running elsewhere from one
 * whose service is gone.
 */
@ApplicationScoped
public class BacktestJobRepository {

    /** A job as stored; {@code report} the finished report's JSON (null until DONE). */
    public record Row(String id, String state, Instant submittedAt, Instant startedAt, Instant finishedAt, long frames,
            Long totalFrames, Instant marketTime, String error, String field, String report) {
    }

    /** A queued or running job's lease: when another service may take it for gone (null: none). */
    public record Lease(String id, Instant until) {
    }

    /** States of a job that was still going when it was written last. */
    private static final String UNFINISHED = "('QUEUED', 'RUNNING')";

    private final Db db;

    public BacktestJobRepository(Db db) {
        this.db = db;
    }

    /** Writes the job's row as it is now (inserted, or replaced), without an owner or lease. */
    public void save(Row row) {
        save(row, null, null);
    }

    /**
     * Writes the job's row as it is now (inserted, or replaced): {@code owner} the service running it, {@code leaseUntil}
     * when another service may take it for gone unless the owner renews it (null once finished).
     */
    public void save(Row row, String owner, Instant leaseUntil) {
        db.inTransaction(c -> Db.update(c, """
                INSERT INTO backtest_job (id, state, submitted_at, started_at, finished_at, frames, total_frames,
                    market_time, error, field, report, owner, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, started_at = excluded.started_at,
                    finished_at = excluded.finished_at, frames = excluded.frames, total_frames = excluded.total_frames,
                    market_time = excluded.market_time, error = excluded.error, field = excluded.field,
                    report = excluded.report, owner = excluded.owner, lease_until = excluded.lease_until""",
                row.id(), row.state(), row.submittedAt(), row.startedAt(), row.finishedAt(), row.frames(),
                row.totalFrames(), row.marketTime(), row.error(), row.field(), row.report(), owner, leaseUntil));
    }

    /**
     * Jobs written as QUEUED or RUNNING whose owner is gone (their lease ran out before {@code at}, or they have none)
     * and that are not {@code ours} become {@code INTERRUPTED} at {@code at}, with {@code why}; returns how many. A job
     * another live service runs on a shared ledger keeps its lease and is left alone.
     */
    public int interruptUnfinished(Instant at, String why, Collection<String> ours) {
        List<Object> values = new ArrayList<>(List.of(at, why, at));
        values.addAll(ours);
        String notOurs = ours.isEmpty() ? "" : " AND id NOT IN (" + String.join(", ", Collections.nCopies(ours.size(), "?")) + ")";
        return db.inTransaction(c -> Db.update(c, "UPDATE backtest_job SET state = 'INTERRUPTED', finished_at = ?, error = ?, "
                + "lease_until = NULL WHERE state IN " + UNFINISHED + " AND (lease_until IS NULL OR lease_until < ?)" + notOurs,
                values.toArray()));
    }

    /** The leases of the jobs written as QUEUED or RUNNING: ids and leases only, never a report. */
    public List<Lease> unfinished() {
        return db.read(c -> {
            List<Lease> leases = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, lease_until FROM backtest_job WHERE state IN "
                    + UNFINISHED + " ORDER BY submitted_at, id"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    leases.add(new Lease(rs.getString("id"), Db.instant(rs, "lease_until")));
                }
            }
            return leases;
        });
    }

    /**
     * Of {@code ids}, those still QUEUED or RUNNING whose lease ran out before {@code at} (or that have none) become
     * {@code INTERRUPTED} at {@code at}, with {@code why}; returns how many. A lease renewed since it was read holds.
     */
    public int interrupt(Instant at, String why, Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> values = new ArrayList<>(List.of(at, why));
        values.addAll(ids);
        values.add(at);
        return db.inTransaction(c -> Db.update(c, "UPDATE backtest_job SET state = 'INTERRUPTED', finished_at = ?, error = ?, "
                + "lease_until = NULL WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") AND state IN "
                + UNFINISHED + " AND (lease_until IS NULL OR lease_until < ?)", values.toArray()));
    }

    /** The rows of {@code ids} that are kept, oldest first. */
    public List<Row> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = Db.prepare(c, "SELECT * FROM backtest_job WHERE id IN ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY submitted_at, id", ids.toArray());
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        });
    }

    /** Every job kept, oldest first. */
    public List<Row> all() {
        return db.read(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM backtest_job ORDER BY submitted_at, id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        });
    }

    /** Deletes the job's row. */
    public void delete(String id) {
        db.inTransaction(c -> Db.update(c, "DELETE FROM backtest_job WHERE id = ?", id));
    }

    /** Keeps the newest {@code kept} finished jobs (those not QUEUED or RUNNING), deletes the older ones. */
    public void keepFinished(int kept) {
        db.inTransaction(c -> Db.update(c, "DELETE FROM backtest_job WHERE state NOT IN " + UNFINISHED
                + " AND id NOT IN (SELECT id FROM backtest_job WHERE state NOT IN " + UNFINISHED
                + " ORDER BY submitted_at DESC, id DESC LIMIT ?)", kept));
    }

    private static Row map(ResultSet rs) throws SQLException {
        long total = rs.getLong("total_frames");
        Long totalFrames = rs.wasNull() ? null : total;
        return new Row(rs.getString("id"), rs.getString("state"), Db.instant(rs, "submitted_at"),
                Db.instant(rs, "started_at"), Db.instant(rs, "finished_at"), rs.getLong("frames"), totalFrames,
                Db.instant(rs, "market_time"), rs.getString("error"), rs.getString("field"), rs.getString("report"));
    }
}
