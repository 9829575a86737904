-- Ingested events (DESIGN.md, "Events"), kept as sent: the engine replays them in (occurred_at, id)
-- order. An id is taken once: a second event with the same id is a duplicate (same content) or a
-- conflict (other content) and changes nothing. Events are append-only, like the ledger.
-- Ids compare byte-wise (COLLATE "C"): the order of replay does not depend on the server's locale, and
-- writers inserting overlapping batches take the id locks in the same order.

CREATE TABLE events (
    id              text COLLATE "C" PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
    type            text        NOT NULL CHECK (length(type) BETWEEN 1 AND 48),
    -- The event's time to the microsecond, rounded down; occurred_nanos keeps the nanoseconds below it
    -- (nearly always 0), so that the stored order is exactly the engine's order.
    occurred_at     timestamptz NOT NULL,
    occurred_nanos  integer     NOT NULL CHECK (occurred_nanos BETWEEN 0 AND 999),
    -- Not a foreign key: an event whose partner is not known yet is kept, and evaluated once it is.
    partner_id      text COLLATE "C" CHECK (length(partner_id) BETWEEN 1 AND 128),
    -- The whole event as canonical JSON (keys sorted, amounts as decimal strings, ASCII only): read with
    -- the event parser it gives back the exact event, and two sendings of one event have the same text.
    event_json      text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_in_order ON events (occurred_at, occurred_nanos, id);

CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION accrue_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION accrue_refuse_change();
