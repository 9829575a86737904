package dev.accrue.core.event;

import java.util.Arrays;
import java.util.Map;

/**
 * Gathers the fields of one JSON object and turns them into an immutable {@link DataMap} without an
 * intermediate HashMap: a data map is built once per event, ten million times in a benchmark run. A field given twice
 * is a fault, never a silent last-one-wins. Reusable after {@link #clear()}.
 */
final class FieldCollector {
    private Object[] keysAndValues = new Object[16];
    private int size;
    /** Bit (hash mod 64) set for each name added. */
    private long namesSeen;

    void clear() {
        for (int i = 0; i < size * 2; i++) keysAndValues[i] = null;
        size = 0;
        namesSeen = 0;
    }

    int size() {
        return size;
    }

    /**
     * Whether {@code key} was added. Jackson hands out field names canonicalized (one String instance per
     * name within a parse; the factory's default, which the parsers keep and check), so identity is
     * equality here and a repeated name costs no string comparison.
     */
    boolean contains(String key) {
        long bit = 1L << key.hashCode();   // a 64-bit sketch of the names so far: most new names skip the scan
        if ((namesSeen & bit) == 0) return false;
        for (int i = 0; i < size * 2; i += 2) {
            if (keysAndValues[i] == key) return true;
        }
        return false;
    }

    /** Adds a field; the caller has checked {@link #contains} and the field count limit. */
    void add(String key, Object value) {
        if (size * 2 == keysAndValues.length) keysAndValues = Arrays.copyOf(keysAndValues, keysAndValues.length * 2);
        namesSeen |= 1L << key.hashCode();
        keysAndValues[size * 2] = key;
        keysAndValues[size * 2 + 1] = value;
        size++;
    }

    /** The fields as an immutable map in input order. */
    Map<String, Object> toMap() {
        return DataMap.copyOf(keysAndValues, size);
    }
}
