package dev.accrue.core.engine;

/**
 * A set of ids kept as their 128-bit hashes ({@link IdHash}): 16 bytes an id in two open-addressed long
 * arrays, at most three quarters full. The simulator's memory of the event ids it has taken, so that a
 * repeat is skipped while streaming.
 */
final class IdHashSet {
    private long[] highs;
    private long[] lows;
    private int size;
    private final long[] hash = new long[2];

    IdHashSet() {
        this(1 << 16);
    }

    IdHashSet(int capacity) {
        int slots = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
        highs = new long[slots];
        lows = new long[slots];
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
        if (size >= highs.length - (highs.length >>> 2)) grow();
        int slot = IdHash.find(highs, lows, high, low);
        if (highs[slot] != 0 || lows[slot] != 0) return false;
        highs[slot] = high;
        lows[slot] = low;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        highs = new long[oldHighs.length * 2];
        lows = new long[oldLows.length * 2];
        for (int j = 0; j < oldHighs.length; j++) {
            if (oldHighs[j] == 0 && oldLows[j] == 0) continue;
            int slot = IdHash.find(highs, lows, oldHighs[j], oldLows[j]);
            highs[slot] = oldHighs[j];
            lows[slot] = oldLows[j];
        }
    }
}
