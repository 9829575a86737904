package dev.accrue.core.program;

import dev.accrue.core.event.EventTypes;
import java.util.List;
import java.util.Map;

/**
 * Which data fields of an event a rule can apply a rate to ({@code basis}) and which events carry a
 * quantity ({@code per_unit}). Events without an amount (a sign-up, a milestone) earn with {@code flat}.
 */
final class EventAmounts {
    private static final Map<String, List<String>> BASIS_FIELDS = Map.of(
            EventTypes.SALE, List.of("net_amount", "quantity"),
            EventTypes.RETURN, List.of("net_amount", "quantity"),
            EventTypes.PAYMENT, List.of("amount"),
            EventTypes.REFUND, List.of("amount"),
            EventTypes.CONVERSION, List.of("amount"),
            EventTypes.USAGE, List.of("quantity"));

    static final String QUANTITY = "quantity";

    private EventAmounts() {}

    /** The fields a rule on {@code eventType} may name as its basis; empty when the event has no amount. */
    static List<String> basisFields(String eventType) {
        return BASIS_FIELDS.getOrDefault(eventType, List.of());
    }

    static boolean hasQuantity(String eventType) {
        return basisFields(eventType).contains(QUANTITY);
    }

    /** "the event types are ...", for messages. */
    static String eventTypesSentence() {
        return "the event types are " + String.join(", ", EventTypes.REQUIRED_FIELDS.keySet().stream().sorted().toList());
    }

    /** The event types that carry a quantity, for messages. */
    static List<String> typesWithQuantity() {
        return BASIS_FIELDS.entrySet().stream().filter(entry -> entry.getValue().contains(QUANTITY))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
