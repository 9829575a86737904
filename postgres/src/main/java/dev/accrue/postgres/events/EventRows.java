package dev.accrue.postgres.events;

import dev.accrue.core.event.Event;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Events as rows of the events table, with their canonical JSON: for COPY in PostgreSQL's binary format,
 * or as column arrays for one INSERT. The time is split into the microsecond PostgreSQL keeps (rounded
 * down, so the stored order never contradicts the exact one) and the nanoseconds below it.
 *
 * <p>Binary, not text: nothing is escaped on the way out or parsed on the way in (a timestamp is eight
 * bytes rather than text to read), which halves what a batch costs in COPY on both sides. Text values are
 * UTF-8, which the server takes as the driver's client encoding.
 */
final class EventRows {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final short COLUMNS = 6;
    /** PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private EventRows() {}

    /** The stored time as text for an INSERT: the instant rounded down to the microsecond. */
    static String occurredAt(Instant occurredAt) {
        return occurredAt.truncatedTo(ChronoUnit.MICROS).toString();
    }

    static int occurredNanos(Instant occurredAt) {
        return occurredAt.getNano() % 1_000;
    }

    /** Copies {@code events} (with their {@code json}, index by index) into the events table; returns the rows copied. */
    static long copy(Connection connection, List<Event> events, List<String> json) throws SQLException {
        Rows rows = new Rows(events.size() * 400);
        rows.bytes(HEADER);
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            rows.int16(COLUMNS);
            rows.text(event.id());
            rows.text(event.type());
            rows.int32(8).int64(postgresMicros(event.occurredAt()));
            rows.int32(4).int32(occurredNanos(event.occurredAt()));
            rows.text(event.partnerId());
            rows.text(json.get(i));
        }
        rows.int16((short) -1);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(EventSql.COPY_EVENTS);
        try {
            copy.writeToCopy(rows.bytes, 0, rows.length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    private static long postgresMicros(Instant instant) {
        return (instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + instant.getNano() / 1_000;
    }

    /** A growing buffer of big-endian values, as the binary COPY format has them. */
    private static final class Rows {
        byte[] bytes;
        int length;

        Rows(int capacity) {
            bytes = new byte[capacity];
        }

        void bytes(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, length, more.length);
            length += more.length;
        }

        /** A text field: its length, then its UTF-8 bytes; null as length -1. */
        void text(String value) {
            if (value == null) {
                int32(-1);
                return;
            }
            byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
            int32(encoded.length);
            bytes(encoded);
        }

        void int16(short value) {
            ensure(2);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }

        Rows int32(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) bytes[length++] = (byte) (value >>> shift);
            return this;
        }

        void int64(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) bytes[length++] = (byte) (value >>> shift);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
