package dev.accrue.core.engine;

/** An open-addressing set of longs: the simulator's cheap first check for repeated event ids (by hash). */
final class LongHashSet {
    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 16];
    private int size;
    private boolean hasZero;

    /** Adds the value; false if it was already there. */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= slots.length) grow();
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                slots[i] = value;
                size++;
                return true;
            }
            if (slots[i] == value) return false;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long value : old) if (value != EMPTY) add(value);
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** A 64-bit FNV-1a hash of a string: collisions are possible, which is why a repeat is only a suspicion. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
