package dev.accrue.postgres.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, encoded as UTF-8 as they are added. COPY inserts a batch
 * several times faster than a multi-row INSERT of the same rows (it fills pages in bulk and parses no
 * array literals), which is what lets a batch of a thousand transfers commit within its latency budget
 * (docs/bench-notes/ledger.md); writing bytes directly spares a string and its copy per batch.
 */
final class CopyText {
    private byte[] bytes;
    private int length;
    private boolean lineStarted;

    CopyText(int rowsExpected) {
        bytes = new byte[Math.max(256, rowsExpected * 256)];
    }

    CopyText add(String value) {
        separate();
        if (value == null) {
            ascii('\\');
            ascii('N');
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> { ascii('\\'); ascii('\\'); }
                case '\t' -> { ascii('\\'); ascii('t'); }
                case '\n' -> { ascii('\\'); ascii('n'); }
                case '\r' -> { ascii('\\'); ascii('r'); }
                default -> {
                    if (c < 0x80) {
                        ascii(c);
                    } else {
                        // Rare in ids and user data: encode the rest of the value the slow, correct way.
                        byte[] rest = value.substring(i).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                                .replace("\r", "\\r").getBytes(StandardCharsets.UTF_8);
                        ensure(rest.length);
                        System.arraycopy(rest, 0, bytes, length, rest.length);
                        length += rest.length;
                        return this;
                    }
                }
            }
        }
        return this;
    }

    CopyText add(long value) {
        return addAscii(Long.toString(value));
    }

    CopyText add(boolean value) {
        separate();
        ascii(value ? 't' : 'f');
        return this;
    }

    void endRow() {
        ascii('\n');
        lineStarted = false;
    }

    private CopyText addAscii(String value) {
        separate();
        for (int i = 0; i < value.length(); i++) ascii(value.charAt(i));
        return this;
    }

    private void separate() {
        if (lineStarted) ascii('\t');
        lineStarted = true;
    }

    private void ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }

    /** Runs {@code copySql} ({@code COPY table (columns) FROM STDIN}) with these rows; returns the rows copied. */
    long copyInto(Connection connection, String copySql) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            copy.writeToCopy(bytes, 0, length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }
}
