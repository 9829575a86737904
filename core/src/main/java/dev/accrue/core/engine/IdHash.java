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
     * In an open-addressed table of hashes (two arrays of a power-of-two length, (0, 0) marking an empty slot,
     * never full): the slot holding ({@code high}, {@code low}), else the empty slot where it would go.
     */
    static int find(long[] highs, long[] lows, long high, long low) {
        int mask = highs.length - 1;
        int slot = slot(high, low, mask);
        while ((highs[slot] != 0 || lows[slot] != 0) && (highs[slot] != high || lows[slot] != low)) slot = (slot + 1) & mask;
        return slot;
    }
}
