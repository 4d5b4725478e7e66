package io.signaldesk.decision.ledger;

import java.sql.SQLException;
import java.util.Locale;

/** Why the ledger could not be read or written, as a trader is told: low-cardinality, named in 503 bodies and health. */
public enum LedgerFault {

    DISK_FULL("disk-full", "the ledger's disk is full"),
    READ_ONLY("read-only", "the ledger is read-only"),
    CORRUPT("corrupt", "the ledger file is corrupt"),
    UNAVAILABLE("unavailable", "the ledger database cannot be reached");

    private final String code;
    private final String text;

    LedgerFault(String code, String text) {
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }

    /**
     * Reads SQLite's result codes (SQLITE_FULL, SQLITE_READONLY, SQLITE_CORRUPT/NOTADB: the xerial driver puts them in
     * the message) and PostgreSQL's SQL states (53100 disk_full, 25006 read_only_sql_transaction, XX001/XX002 data
     * corrupted) anywhere in the cause chain; anything else is {@link #UNAVAILABLE}.
     */
    public static LedgerFault of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            LedgerFault found = classify(t);
            if (found != null) {
                return found;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                found = classify(suppressed);
                if (found != null) {
                    return found;
                }
            }
        }
        return UNAVAILABLE;
    }

    private static LedgerFault classify(Throwable t) {
        String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (state.equals("53100") || message.contains("sqlite_full") || message.contains("disk is full")
                || message.contains("no space left")) {
            return DISK_FULL;
        }
        if (state.equals("25006") || message.contains("sqlite_readonly") || message.contains("read-only file system")
                || message.contains("readonly database")) {
            return READ_ONLY;
        }
        if (state.equals("XX001") || state.equals("XX002") || message.contains("sqlite_corrupt")
                || message.contains("sqlite_notadb") || message.contains("malformed")) {
            return CORRUPT;
        }
        return null;
    }
}
