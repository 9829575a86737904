package dev.accrue.postgres.events;

import dev.accrue.core.event.Event;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Events as the rows of the events table, with their canonical JSON: for COPY (PostgreSQL's text
 * format) or as column arrays for one INSERT. The time is split into the microsecond PostgreSQL keeps
 * (rounded down, so the stored order never contradicts the exact one) and the nanoseconds below it.
 */
final class EventRows {
    private EventRows() {}

    /** The stored time: the instant rounded down to the microsecond, as text PostgreSQL reads. */
    static String occurredAt(Instant occurredAt) {
        return occurredAt.truncatedTo(ChronoUnit.MICROS).toString();
    }

    static int occurredNanos(Instant occurredAt) {
        return occurredAt.getNano() % 1_000;
    }

    /** Copies {@code events} (with their {@code json}, index by index) into the events table; returns the rows copied. */
    static long copy(Connection connection, List<Event> events, List<String> json) throws SQLException {
        StringBuilder rows = new StringBuilder(events.size() * 400);
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            field(rows, event.id()).append('\t');
            field(rows, event.type()).append('\t');
            rows.append(occurredAt(event.occurredAt())).append('\t');
            rows.append(occurredNanos(event.occurredAt())).append('\t');
            field(rows, event.partnerId()).append('\t');
            field(rows, json.get(i)).append('\n');
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(EventSql.COPY_EVENTS);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
    }

    /** One value in COPY's text format: backslash, tab and line ends escaped, null as {@code \N}. */
    private static StringBuilder field(StringBuilder rows, String value) {
        if (value == null) return rows.append("\\N");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        return rows;
    }
}
