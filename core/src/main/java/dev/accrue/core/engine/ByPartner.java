package dev.accrue.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Values by the engine's partner number ({@link ConditionViews#number}): an array index where a map by
 * partner id would hash the id and follow a node on every event.
 */
final class ByPartner<T> {
    private Object[] values = new Object[16];
    /** The ids of the partners with a value, in the order they got one. */
    private final List<String> ids = new ArrayList<>();

    @SuppressWarnings("unchecked")
    T get(int partner) {
        return partner < values.length ? (T) values[partner] : null;
    }

    @SuppressWarnings("unchecked")
    T computeIfAbsent(int partner, String partnerId, Supplier<T> create) {
        if (partner >= values.length) values = Arrays.copyOf(values, Math.max(partner + 1, values.length * 2));
        Object value = values[partner];
        if (value == null) {
            values[partner] = value = create.get();
            ids.add(partnerId);
        }
        return (T) value;
    }

    void idsInto(Collection<String> partnerIds) {
        partnerIds.addAll(ids);
    }
}
