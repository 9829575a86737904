package dev.accrue.core.engine;

/**
 * A 128-bit hash of an id (MurmurHash3 x64/128 over the string's UTF-16 code units, four to a long), so
 * that ids can be remembered in 16 bytes each instead of as strings. Two different ids get the same hash
 * with probability about 2^-128 per pair; among n ids, about n²/2^129: for 100 million ids below 10^-22,
 * far rarer than an undetected memory or disk error. The simulator relies on that: a repeated hash is a
 * repeated id.
 *
 * <p>(0, 0) is never a hash, so that tables of hashes can mark an empty slot with it: what would hash to it
 * (the empty id, as MurmurHash3 hashes no input, and by chance one input in 2^128) gets (0, 1) instead,
 * which leaves the odds above as they are.
 */
final class IdHash {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private IdHash() {}

    /** Writes the hash of {@code text} into {@code out[0]} (high) and {@code out[1]} (low). */
    static void hash(CharSequence text, long[] out) {
        int length = text.length();
        long h1 = 0;
        long h2 = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long k1 = pack(text, i);
            long k2 = pack(text, i + 4);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int rest = length - i;
        if (rest > 0) {
            long k1 = 0;
            long k2 = 0;
            for (int j = 0; j < rest; j++) {
                long c = text.charAt(i + j);
                if (j < 4) k1 |= c << (16 * j);
                else k2 |= c << (16 * (j - 4));
            }
            if (rest > 4) {
                k2 *= C2;
                k2 = Long.rotateLeft(k2, 33);
                k2 *= C1;
                h2 ^= k2;
            }
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        long bytes = 2L * length;
        h1 ^= bytes;
        h2 ^= bytes;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        out[0] = h1;
        out[1] = h1 == 0 && h2 == 0 ? 1 : h2;
    }

    private static long pack(CharSequence text, int at) {
        return text.charAt(at) | (long) text.charAt(at + 1) << 16 | (long) text.charAt(at + 2) << 32 | (long) text.charAt(at + 3) << 48;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Where a hash starts probing in a table of {@code mask + 1} slots. */
    private static int slot(long high, long low, int mask) {
        return (int) (low ^ (low >>> 32)) & mask;
    }

    /**
     * In an open-addressed table of hashes (a long array holding slot i's high at 2i and low at 2i + 1, so a
     * probe reads one cache line, not one in each of two arrays; a power-of-two number of slots; (0, 0) marking
     * an empty slot; never full): the slot holding ({@code high}, {@code low}), else the empty slot where it would go.
     */
    static int find(long[] table, long high, long low) {
        int mask = (table.length >>> 1) - 1;
        int slot = slot(high, low, mask);
        while (true) {
            long slotHigh = table[2 * slot];
            long slotLow = table[2 * slot + 1];
            if ((slotHigh == high && slotLow == low) || (slotHigh == 0 && slotLow == 0)) return slot;
            slot = (slot + 1) & mask;
        }
    }

    /** The number of slots (a power of two) that holds {@code entries} hashes at most three quarters full. */
    static int slotsFor(int entries) {
        long wanted = Math.max(16, entries + (entries + 2L) / 3);
        return (int) Math.min(1 << 29, Long.highestOneBit(wanted - 1) << 1);
    }

    /** Whether the slot of a table ({@link #find}) is empty. */
    static boolean isEmpty(long[] table, int slot) {
        return table[2 * slot] == 0 && table[2 * slot + 1] == 0;
    }

    /** Puts the hash into the slot of a table ({@link #find}). */
    static void put(long[] table, int slot, long high, long low) {
        table[2 * slot] = high;
        table[2 * slot + 1] = low;
    }

    /** A table ({@link #find}) twice the size holding the same hashes; {@code moved} learns each hash's old and new slot. */
    static long[] doubled(long[] table, SlotMove moved) {
        long[] bigger = new long[table.length * 2];
        for (int old = 0; old < table.length >>> 1; old++) {
            if (isEmpty(table, old)) continue;
            long high = table[2 * old];
            long low = table[2 * old + 1];
            int slot = find(bigger, high, low);
            put(bigger, slot, high, low);
            moved.move(old, slot);
        }
        return bigger;
    }

    @FunctionalInterface
    interface SlotMove {
        void move(int from, int to);
    }
}
