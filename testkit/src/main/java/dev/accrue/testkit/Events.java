package dev.accrue.testkit;

import dev.accrue.core.event.EventTypes;

/**
 * Starting points for building events in tests:
 * {@code Events.sale("e1").partner("dist-a").at("2026-01-10T15:00:00Z").family("pumps").amount("60000.00").build()}.
 * Each starts with the data its type requires filled in where a sensible default exists (a sale's
 * {@code line_id} is its event id, its currency USD), so a test states only what it is about.
 */
public final class Events {
    private Events() {}

    /** A sale line: {@code line_id} = id, currency USD, quantity 1 until told otherwise. */
    public static EventBuilder sale(String id) {
        return new EventBuilder(id, EventTypes.SALE).lineId(id).currency("USD").quantity(1);
    }

    /** A return of the sale line {@code originalLineId}, currency USD. */
    public static EventBuilder returnOf(String id, String originalLineId) {
        return new EventBuilder(id, EventTypes.RETURN).data("original_line_id", originalLineId).currency("USD");
    }

    public static EventBuilder payment(String id) {
        return new EventBuilder(id, EventTypes.PAYMENT).currency("USD");
    }

    public static EventBuilder refund(String id) {
        return new EventBuilder(id, EventTypes.REFUND).currency("USD");
    }

    public static EventBuilder conversion(String id) {
        return new EventBuilder(id, EventTypes.CONVERSION);
    }

    /** Any type of the contract, with no data yet. */
    public static EventBuilder event(String id, String type) {
        return new EventBuilder(id, type);
    }
}
