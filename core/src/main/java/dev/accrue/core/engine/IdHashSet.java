package dev.accrue.core.engine;

/**
 * A set of ids kept as their 128-bit hashes ({@link IdHash}): 16 bytes an id in an open-addressed long
 * array, at most three quarters full. The simulator's memory of the event ids it has taken, so that a
 * repeat is skipped while streaming.
 */
final class IdHashSet {
    private long[] table;
    private int size;
    private final long[] hash = new long[2];

    /** How many ids a set starts with room for when nobody says. */
    private static final int DEFAULT_EXPECTED = 1 << 12;

    IdHashSet() {
        this(0);
    }

    /**
     * @param expected how many ids the set is expected to hold (0: not known): it grows past that, but need
     *                 not grow up to it
     */
    IdHashSet(int expected) {
        table = new long[2 * IdHash.slotsFor(expected > 0 ? expected : DEFAULT_EXPECTED)];
    }

    /** Adds the id; false if it (or, with the odds {@link IdHash} gives, another id of the same hash) was there. */
    boolean add(String id) {
        IdHash.hash(id, hash);
        return add(hash[0], hash[1]);
    }

    int size() {
        return size;
    }

    private boolean add(long high, long low) {
        int slots = table.length >>> 1;
        if (size >= slots - (slots >>> 2)) table = IdHash.doubled(table, (from, to) -> {});
        int slot = IdHash.find(table, high, low);
        if (!IdHash.isEmpty(table, slot)) return false;
        IdHash.put(table, slot, high, low);
        size++;
        return true;
    }
}
