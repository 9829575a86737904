package dev.accrue.core.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The immutable map of an event's data as the parser builds it: keys and values side by side in arrays,
 * in input order. Building it is one array copy, where {@link Map#of} hashes every key into a table and
 * allocates an entry per field past ten; ten million events make that difference seconds. Lookups scan
 * the few keys, comparing by identity first (the parser's keys and Java's literals are interned).
 * Equality and hash code follow the {@link Map} contract, so it equals any map with the same entries.
 */
final class DataMap extends AbstractMap<String, Object> {
    private static final DataMap EMPTY = new DataMap(new Object[0], 0);

    /** key0, value0, key1, value1, … with no nulls and no key twice. */
    private final Object[] keysAndValues;

    private DataMap(Object[] keysAndValues, int size) {
        // Always a copy: the caller (FieldCollector) clears and reuses its array, also when it is exactly full.
        this.keysAndValues = java.util.Arrays.copyOf(keysAndValues, size * 2);
    }

    /** A map of a copy of the first {@code size} pairs of {@code keysAndValues}, which the caller has checked for nulls and repeats. */
    static DataMap copyOf(Object[] keysAndValues, int size) {
        return size == 0 ? EMPTY : new DataMap(keysAndValues, size);
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : keysAndValues[index + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        int index = indexOf(key);
        return index < 0 ? defaultValue : keysAndValues[index + 1];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < keysAndValues.length; i += 2) action.accept((String) keysAndValues[i], keysAndValues[i + 1]);
    }

    private int indexOf(Object key) {
        Object[] pairs = keysAndValues;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == key) return i;
        }
        if (!(key instanceof String)) return -1;
        int hash = key.hashCode();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].hashCode() == hash && pairs[i].equals(key)) return i;
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keysAndValues.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        Entry<String, Object> entry = Map.entry((String) keysAndValues[next], keysAndValues[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return keysAndValues.length / 2;
            }

            @Override
            public boolean contains(Object candidate) {
                return candidate instanceof Entry<?, ?> entry && Objects.equals(get(entry.getKey()), entry.getValue())
                        && entry.getValue() != null;
            }
        };
    }
}
