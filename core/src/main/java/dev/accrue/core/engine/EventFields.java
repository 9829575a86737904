package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import java.math.BigDecimal;

/** Typed reads of an event's data; absent or mistyped fields read as zero or null. */
final class EventFields {
    private EventFields() {}

    static BigDecimal amount(Event event, String field) {
        return event.data().get(field) instanceof BigDecimal amount ? amount : BigDecimal.ZERO;
    }

    /** An event's quantity; a line with no quantity counts as one unit. */
    static BigDecimal quantity(Event event) {
        Object quantity = event.data().get("quantity");
        if (quantity instanceof Long count) return BigDecimal.valueOf(count);
        if (quantity instanceof BigDecimal decimal) return decimal;
        if (quantity instanceof Number number) return BigDecimal.valueOf(number.longValue());
        return BigDecimal.ONE;
    }

    static String string(Event event, String field) {
        return event.data().get(field) instanceof String text ? text : null;
    }
}
