package dev.accrue.core.event;

import java.util.Arrays;
import java.util.Map;

/**
 * Gathers the fields of one JSON object and turns them into an immutable map without an intermediate
 * HashMap: a data map is built once per event, ten million times in a benchmark run. A field given twice
 * is a fault, never a silent last-one-wins. Reusable after {@link #clear()}.
 */
final class FieldCollector {
    private Object[] keysAndValues = new Object[16];
    private int size;

    void clear() {
        for (int i = 0; i < size * 2; i++) keysAndValues[i] = null;
        size = 0;
    }

    int size() {
        return size;
    }

    boolean contains(String key) {
        for (int i = 0; i < size * 2; i += 2) {
            if (key.equals(keysAndValues[i])) return true;
        }
        return false;
    }

    /** Adds a field; the caller has checked {@link #contains} and the field count limit. */
    void add(String key, Object value) {
        if (size * 2 == keysAndValues.length) keysAndValues = Arrays.copyOf(keysAndValues, keysAndValues.length * 2);
        keysAndValues[size * 2] = key;
        keysAndValues[size * 2 + 1] = value;
        size++;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> toMap() {
        Object[] f = keysAndValues;
        return switch (size) {
            case 0 -> Map.of();
            case 1 -> Map.of((String) f[0], f[1]);
            case 2 -> Map.of((String) f[0], f[1], (String) f[2], f[3]);
            case 3 -> Map.of((String) f[0], f[1], (String) f[2], f[3], (String) f[4], f[5]);
            case 4 -> Map.of((String) f[0], f[1], (String) f[2], f[3], (String) f[4], f[5], (String) f[6], f[7]);
            case 5 -> Map.of((String) f[0], f[1], (String) f[2], f[3], (String) f[4], f[5], (String) f[6], f[7],
                    (String) f[8], f[9]);
            case 6 -> Map.of((String) f[0], f[1], (String) f[2], f[3], (String) f[4], f[5], (String) f[6], f[7],
                    (String) f[8], f[9], (String) f[10], f[11]);
            case 7 -> Map.of((String) f[0], f[1], (String) f[2], f[3], (String) f[4], f[5], (String) f[6], f[7],
                    (String) f[8], f[9], (String) f[10], f[11], (String) f[12], f[13]);
            case 8 -> Map.of((String) f[0], f[1], (String) f[2], f[3], (String) f[4], f[5], (String) f[6], f[7],
                    (String) f[8], f[9], (String) f[10], f[11], (String) f[12], f[13], (String) f[14], f[15]);
            case 9 -> Map.of((String) f[0], f[1], (String) f[2], f[3], (String) f[4], f[5], (String) f[6], f[7],
                    (String) f[8], f[9], (String) f[10], f[11], (String) f[12], f[13], (String) f[14], f[15],
                    (String) f[16], f[17]);
            case 10 -> Map.of((String) f[0], f[1], (String) f[2], f[3], (String) f[4], f[5], (String) f[6], f[7],
                    (String) f[8], f[9], (String) f[10], f[11], (String) f[12], f[13], (String) f[14], f[15],
                    (String) f[16], f[17], (String) f[18], f[19]);
            default -> {
                Map.Entry<?, ?>[] entries = new Map.Entry<?, ?>[size];
                for (int i = 0; i < size; i++) entries[i] = Map.entry((String) f[i * 2], f[i * 2 + 1]);
                yield Map.ofEntries((Map.Entry<String, Object>[]) entries);
            }
        };
    }
}
