package dev.accrue.postgres.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format. COPY inserts a batch several times faster than a multi-row
 * INSERT of the same rows (it fills pages in bulk and parses no array literals), which is what lets
 * a batch of a thousand transfers commit within the latency budget (docs/bench-notes/ledger.md).
 */
final class CopyText {
    private final StringBuilder text;
    private boolean lineStarted;

    CopyText(int rowsExpected) {
        text = new StringBuilder(rowsExpected * 256);
    }

    CopyText add(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyText add(long value) {
        separate();
        text.append(value);
        return this;
    }

    CopyText add(boolean value) {
        separate();
        text.append(value ? 't' : 'f');
        return this;
    }

    void endRow() {
        text.append('\n');
        lineStarted = false;
    }

    private void separate() {
        if (lineStarted) text.append('\t');
        lineStarted = true;
    }

    /** Runs {@code copySql} ({@code COPY table (columns) FROM STDIN}) with these rows; returns the rows copied. */
    long copyInto(Connection connection, String copySql) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("could not stream rows to COPY", e);
        }
    }
}
