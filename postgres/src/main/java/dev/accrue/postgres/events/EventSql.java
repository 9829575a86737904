package dev.accrue.postgres.events;

/** The event store's SQL, kept as SQL. New events go in by COPY, or, after a concurrent writer got in the way, by one INSERT of arrays. */
final class EventSql {
    private EventSql() {}

    /** A store is durable when it returns, whatever the server's default. */
    static final String SYNCHRONOUS_COMMIT = "SET LOCAL synchronous_commit TO on";

    static final String SELECT_STORED = "SELECT id, event_json FROM events WHERE id = ANY (?::text[])";

    static final String COPY_EVENTS = "COPY events (id, type, occurred_at, occurred_nanos, partner_id, event_json) FROM STDIN (FORMAT binary)";

    /**
     * Inserts the rows in the order given (the caller sorts them by id, as COPY does: two writers of the
     * same new ids take their locks in one order) and skips ids that exist, waiting for a concurrent
     * writer of the same id to finish first; returns the ids it inserted.
     */
    static final String INSERT_EVENTS = """
            INSERT INTO events (id, type, occurred_at, occurred_nanos, partner_id, event_json)
            SELECT id, type, occurred_at, occurred_nanos, partner_id, event_json
            FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::integer[], ?::text[], ?::text[])
                WITH ORDINALITY AS given (id, type, occurred_at, occurred_nanos, partner_id, event_json, position)
            ORDER BY position
            ON CONFLICT (id) DO NOTHING
            RETURNING id""";

    static final String IN_ORDER = "SELECT event_json FROM events ORDER BY occurred_at, occurred_nanos, id";

    static final String COUNT = "SELECT count(*) FROM events";
}
