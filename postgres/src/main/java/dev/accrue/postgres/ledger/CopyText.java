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
        int count = value.length();
        ensure(count * 2); // every character of an ASCII value takes at most two bytes, escaped
        byte[] out = bytes;
        int at = length;
        for (int i = 0; i < count; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                length = at;
                return addSlowly(value.substring(i));
            }
            switch (c) {
                case '\\' -> { out[at++] = '\\'; out[at++] = '\\'; }
                case '\t' -> { out[at++] = '\\'; out[at++] = 't'; }
                case '\n' -> { out[at++] = '\\'; out[at++] = 'n'; }
                case '\r' -> { out[at++] = '\\'; out[at++] = 'r'; }
                default -> out[at++] = (byte) c;
            }
        }
        length = at;
        return this;
    }

    /** The rest of a value with letters beyond ASCII: rare in ids and user data, so done the plain way. */
    private CopyText addSlowly(String rest) {
        byte[] encoded = rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                .getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
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
