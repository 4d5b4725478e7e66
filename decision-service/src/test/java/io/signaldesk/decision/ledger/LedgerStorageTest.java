package io.signaldesk.decision.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A full disk and a corrupt file on real SQLite files: named as such, never as a JDBC riddle. */
class LedgerStorageTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsNamedDiskFullAndNotMaskedByTheRollback() throws SQLException {
        Path file = dir.resolve("full.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v BLOB)");
        }
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        source.setMaxPageCount(4); // the "disk" holds 4 pages of 4 KiB: SQLITE_FULL past them
        Db db = new Db(source);

        Db.StorageException e = assertThrows(Db.StorageException.class, () -> db.inTransaction(c -> {
            for (int i = 0; i < 10; i++) {
                Db.update(c, "INSERT INTO t (v) VALUES (?)", new byte[8192]);
            }
            return null;
        }));
        assertEquals(LedgerFault.DISK_FULL, e.fault());
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("SQLITE_FULL"), e.getCause().getMessage());
        assertEquals(0L, (long) db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                return rs.getLong(1);
            }
        }), "nothing of the failed transaction was kept");
    }

    @Test
    void quickCheckPassesASoundLedgerAndReportsADamagedOrForeignFile() throws SQLException, IOException {
        Path file = dir.resolve("ledger.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE fill (id INTEGER PRIMARY KEY, note TEXT)");
            s.execute("CREATE INDEX fill_note ON fill (note)");
            for (int i = 0; i < 400; i++) {
                s.execute("INSERT INTO fill (note) VALUES ('fill number " + i + " of the ledger')");
            }
        }
        assertEquals(Optional.empty(), LedgerIntegrity.problem(file));
        assertEquals(Optional.empty(), LedgerIntegrity.problem(dir.resolve("absent.db")), "a new ledger is created");

        long size = Files.size(file);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(size - 4096 + 8); // inside the last page: a b-tree page's cells
            raw.write(new byte[512]);
            raw.seek(4096); // the second page's header
            raw.write(new byte[] { 13, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0 });
        }
        assertTrue(LedgerIntegrity.problem(file).isPresent(), "a damaged page is reported");

        Path foreign = Files.writeString(dir.resolve("foreign.db"), "this is not a database, it is a note\n".repeat(200));
        Optional<String> problem = LedgerIntegrity.problem(foreign);
        assertTrue(problem.isPresent());
        assertFalse(problem.get().isBlank());
    }
}
