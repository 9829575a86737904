package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import java.math.BigDecimal;

/** Typed reads of an event's data; absent or mistyped fields read as zero or null. */
final class EventFields {
    private EventFields() {}

    static BigDecimal amount(Event event, String field) {
        return event.data().get(field) instanceof BigDecimal amount ? amount : BigDecimal.ZERO;
    }

    /** Whole quantities up to this are shared values: a match keeps its quantity until its period closes. */
    private static final BigDecimal[] SMALL_QUANTITIES = new BigDecimal[1025];

    static {
        for (int i = 0; i < SMALL_QUANTITIES.length; i++) SMALL_QUANTITIES[i] = BigDecimal.valueOf(i);
    }

    /** An event's quantity; a line with no quantity counts as one unit. */
    static BigDecimal quantity(Event event) {
        Object quantity = event.data().get("quantity");
        if (quantity instanceof Long count) {
            return count >= 0 && count < SMALL_QUANTITIES.length ? SMALL_QUANTITIES[count.intValue()] : BigDecimal.valueOf(count);
        }
        if (quantity instanceof BigDecimal decimal) return decimal;
        if (quantity instanceof Number number) return BigDecimal.valueOf(number.longValue());
        return BigDecimal.ONE;
    }

    static String string(Event event, String field) {
        return event.data().get(field) instanceof String text ? text : null;
    }
}
