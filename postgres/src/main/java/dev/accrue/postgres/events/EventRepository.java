package dev.accrue.postgres.events;

import dev.accrue.core.Invariants;
import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventParser;
import dev.accrue.core.event.EventResult;
import dev.accrue.postgres.DatabaseException;
import dev.accrue.postgres.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Ingested events in PostgreSQL, keyed by id. {@link #store} is one transaction, committed with
 * synchronous commit before it returns. An event is stored as the JSON text it was sent as (it parsed to
 * exactly this event, so nothing is written again), or as its canonical JSON ({@link EventJson}) when the
 * caller has no text. An id is stored once: an event whose id is stored already is a duplicate when the
 * stored text parses to an equal event, a conflict when it does not, and in neither case changes anything;
 * a repeat inside one call is judged against the first occurrence.
 *
 * <p>The first attempt assumes every id is new, as it is for a batch sent once, and COPYs them all: one
 * round trip, and the primary key checks each id as it goes in. If one exists (a retry, or a concurrent
 * writer of the same id), the COPY fails on the primary key and the next attempt reads which ids exist
 * and inserts the others with {@code ON CONFLICT DO NOTHING}, which waits for a concurrent writer and
 * skips what it stored; then every id that was there is compared like any other. Rows go in sorted by
 * id, so overlapping writers take their locks in one order and cannot deadlock.
 */
public final class EventRepository {
    /** Events in one {@link #store} call (the API sends at most 10,000). */
    public static final int EVENTS_PER_CALL_MAX = 100_000;
    /** Rows fetched per round trip when replaying. */
    static final int FETCH_SIZE = 1_000;
    static final int ATTEMPTS_MAX = 5;
    /** Unique violation (a concurrent writer of the same id), serialization failure, deadlock. */

    /** The times an event may have: the years 1 to 9999, in UTC. */
    public static final Instant OCCURRED_MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant OCCURRED_END = Instant.parse("+10000-01-01T00:00:00Z");

    private final DataSource dataSource;

    public EventRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What one {@link #store} call did, each list in the order given.
     *
     * @param added      the events that were new and are now stored
     * @param duplicates ids stored before, or repeated in the call, with the same content
     * @param conflicts  ids stored before, or earlier in the call, with other content
     */
    public record Stored(List<Event> added, List<String> duplicates, List<String> conflicts) {
        public Stored {
            added = List.copyOf(added);
            duplicates = List.copyOf(duplicates);
            conflicts = List.copyOf(conflicts);
        }
    }

    /** {@link #store(List, List, boolean)}, each event stored as its canonical JSON. */
    public Stored store(List<Event> events, boolean allOrNothing) {
        return store(events, null, allOrNothing);
    }

    /**
     * Stores the events whose ids are new, each as its text in {@code sent}: the JSON the event was parsed
     * from, which the event parser reads back to an equal event, so at most {@code JsonLines.LINE_LENGTH_MAX}
     * characters (a null text, or {@code sent} null: the canonical JSON).
     * With {@code allOrNothing}, a conflict stores nothing at all: {@code added} is empty and the conflicts
     * (and duplicates) are reported.
     */
    public Stored store(List<Event> events, List<String> sent, boolean allOrNothing) {
        if (events.size() > EVENTS_PER_CALL_MAX) {
            throw new IllegalArgumentException("at most " + EVENTS_PER_CALL_MAX + " events in one call, got " + events.size());
        }
        events.forEach(EventRepository::requireStorable);
        Batch batch = Batch.of(events, sent);
        if (batch.unique.isEmpty()) return batch.outcome(events, false);
        return Transactions.retrying(dataSource, ATTEMPTS_MAX, (connection, attempt) -> {
            // A call that repeats an id with other content needs what is stored to be judged: careful at once.
            boolean write = attempt == 1 && !batch.hasConflicts() ? storeOptimistically(connection, batch)
                    : storeCarefully(connection, batch, allOrNothing);
            if (!write) connection.rollback();
            return batch.outcome(events, write);
        }, batch::forgetStoredVerdicts, (cause, exhausted) -> exhausted
                ? new DatabaseException("storing events still conflicted after " + ATTEMPTS_MAX + " attempts", cause)
                : new DatabaseException("storing events failed: " + cause.getMessage(), cause));
    }

    /** COPYs every event, as if every id were new; fails on the primary key if one is not. */
    private static boolean storeOptimistically(Connection connection, Batch batch) throws SQLException {
        synchronousCommit(connection);
        List<Integer> fresh = batch.undecided();
        long copied = EventRows.copy(connection, batch.events(fresh), batch.json(fresh));
        Invariants.check(copied == fresh.size(), "COPY stores every new event");
        fresh.forEach(batch::added);
        return true;
    }

    /** Inserts skipping the ids that exist (after waiting for their writers), then judges those against what is stored. */
    private static boolean storeCarefully(Connection connection, Batch batch, boolean allOrNothing) throws SQLException {
        synchronousCommit(connection);
        batch.judge(selectStored(connection, batch.ids()));
        if (allOrNothing && batch.hasConflicts()) return false;
        List<Integer> fresh = batch.undecided();
        if (fresh.isEmpty()) return true;
        Set<String> inserted = insertIgnoringStored(connection, batch.events(fresh), batch.json(fresh));
        List<String> skipped = new ArrayList<>();
        for (int index : fresh) {
            if (inserted.contains(batch.unique.get(index).id())) batch.added(index);
            else skipped.add(batch.unique.get(index).id());
        }
        if (!skipped.isEmpty()) batch.judge(selectStored(connection, skipped));
        Invariants.check(batch.undecided().isEmpty(), "every event is added, a duplicate or a conflict");
        return !(allOrNothing && batch.hasConflicts());
    }

    private static void synchronousCommit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(EventSql.SYNCHRONOUS_COMMIT);
        }
    }

    private static Map<String, String> selectStored(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(EventSql.SELECT_STORED)) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) stored.put(rows.getString(1), rows.getString(2));
            }
        }
        return stored;
    }

    private static Set<String> insertIgnoringStored(Connection connection, List<Event> events, List<String> json) throws SQLException {
        int size = events.size();
        String[] id = new String[size], type = new String[size], occurredAt = new String[size], partner = new String[size];
        Integer[] nanos = new Integer[size];
        for (int i = 0; i < size; i++) {
            Event event = events.get(i);
            id[i] = event.id();
            type[i] = event.type();
            occurredAt[i] = EventRows.occurredAt(event.occurredAt());
            nanos[i] = EventRows.occurredNanos(event.occurredAt());
            partner[i] = event.partnerId();
        }
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(EventSql.INSERT_EVENTS)) {
            statement.setArray(1, connection.createArrayOf("text", id));
            statement.setArray(2, connection.createArrayOf("text", type));
            statement.setArray(3, connection.createArrayOf("text", occurredAt));
            statement.setArray(4, connection.createArrayOf("integer", nanos));
            statement.setArray(5, connection.createArrayOf("text", partner));
            statement.setArray(6, connection.createArrayOf("text", json.toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) inserted.add(rows.getString(1));
            }
        }
        return inserted;
    }

    /**
     * Hands every stored event to {@code sink} in (occurred_at, id) order, read through a cursor
     * {@value #FETCH_SIZE} rows at a time: memory stays flat however many there are.
     */
    public void forEachInOrder(Consumer<Event> sink) {
        EventParser parser = new EventParser();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);  // PostgreSQL's driver fetches in pages only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(EventSql.IN_ORDER)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) sink.accept(parsed(parser, rows.getString(1)));
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading events failed: " + e.getMessage(), e);
        }
    }

    public long count() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(EventSql.COUNT)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException("counting events failed: " + e.getMessage(), e);
        }
    }

    private static Event parsed(EventParser parser, String json) {
        EventResult result = parser.parse(json);
        if (result instanceof EventResult.Valid valid) return valid.event();
        throw new IllegalStateException("a stored event does not parse: " + ((EventResult.Invalid) result).error() + " in " + json);
    }

    /** PostgreSQL's text holds no NUL and UTF-8 no unpaired surrogate; its timestamps end in year 294276. The API refuses such events first. */
    private static void requireStorable(Event event) {
        if (!storable(event.id()) || (event.partnerId() != null && !storable(event.partnerId()))) {
            throw new IllegalArgumentException("event ids and partner ids are text without NUL characters or unpaired surrogates: " + event.id());
        }
        if (event.occurredAt().isBefore(OCCURRED_MIN) || !event.occurredAt().isBefore(OCCURRED_END)) {
            throw new IllegalArgumentException("event " + event.id() + " happened at " + event.occurredAt() + ", outside the years 1 to 9999");
        }
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
