package io.signaldesk.decision.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQLite ledger's integrity at start ({@code PRAGMA quick_check}): a corrupt file is reported and refused, never
 * served. PostgreSQL checks its own pages.
 */
public final class LedgerIntegrity {

    private static final int MAX_REPORTED = 3;

    private LedgerIntegrity() {
    }

    /** What is wrong with the SQLite file at {@code path}, empty when it is sound (or does not exist yet). */
    public static Optional<String> problem(Path path) {
        try {
            if (!Files.exists(path) || Files.size(path) == 0) {
                return Optional.empty();
            }
        } catch (java.io.IOException e) {
            return Optional.of("cannot read it: " + e.getMessage());
        }
        // the driver itself, not DriverManager: a driver registered by an earlier application class loader (a
        // restarted app in the same JVM, as the restart tests do) is not offered to this one ("No suitable driver")
        try (Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + path.toAbsolutePath(),
                new java.util.Properties())) {
            return problem(connection);
        } catch (SQLException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** What {@code PRAGMA quick_check} says is wrong on {@code connection}, empty when it answers "ok". */
    public static Optional<String> problem(Connection connection) {
        List<String> findings = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA quick_check(" + MAX_REPORTED + ")")) {
            while (rs.next()) {
                findings.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
        return findings.equals(List.of("ok")) ? Optional.empty() : Optional.of(String.join("; ", findings));
    }
}
