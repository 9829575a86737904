package dev.accrue.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of partner activity, as validated at the edge.
 *
 * @param id         unique per source; the same id twice is taken once
 * @param partnerId  the partner it belongs to, or null when attribution must find it
 * @param data       String, Long, Boolean, BigDecimal (the amount fields, exact), List and Map values
 */
public record Event(String id, String type, Instant occurredAt, String partnerId, Map<String, Object> data) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = data instanceof DataMap ? data : Map.copyOf(data);   // the parser's maps are immutable already
    }

    /** Orders events by time, ties by id: the order budgets are spent in. */
    public static int chronological(Event a, Event b) {
        int byTime = a.occurredAt.compareTo(b.occurredAt);
        return byTime != 0 ? byTime : a.id.compareTo(b.id);
    }
}
