package dev.accrue.core.event;

import java.util.Arrays;

/**
 * Hands out one String instance per distinct short text, looked up by its characters so that a repeated
 * value (an event type, a product family, a currency) costs no allocation at all. Bounded: once full it
 * keeps its entries and returns fresh strings for new texts, so memory stays fixed and results stay the same.
 * Not thread-safe; each parser owns one.
 */
final class StringPool {
    /** Longer texts are rarely repeated (ids, e-mail addresses) and are not pooled. */
    static final int TEXT_LENGTH_MAX = 48;
    /**
     * Distinct texts kept. Small on purpose: the pool pays only while it stays in the processor's cache; for
     * values with tens of thousands of variants (partner ids, reps) a lookup costs a few cache misses, more
     * than making a new String, so those fields are not pooled at all.
     */
    static final int ENTRIES_MAX = 1 << 12;
    /** Twice as many slots as entries, so a probe ends at an empty slot soon. */
    private static final int TABLE_BITS = 13;

    private final String[] table = new String[1 << TABLE_BITS];
    /** The characters of each entry: comparing two short char arrays is cheaper than String.charAt one by one. */
    private final char[][] texts = new char[1 << TABLE_BITS][];
    private final int[] hashes = new int[1 << TABLE_BITS];
    private final int mask = table.length - 1;
    private int size;

    StringPool(Iterable<String> preloaded) {
        for (String text : preloaded) intern(text.toCharArray(), 0, text.length());
    }

    String intern(char[] chars, int offset, int length) {
        if (length > TEXT_LENGTH_MAX) return new String(chars, offset, length);
        int hash = 0;
        for (int i = offset; i < offset + length; i++) hash = 31 * hash + chars[i];
        int slot = slotOf(hash);
        while (true) {
            char[] text = texts[slot];
            if (text == null) {
                String created = new String(chars, offset, length);
                if (size < ENTRIES_MAX) {
                    table[slot] = created;
                    texts[slot] = Arrays.copyOfRange(chars, offset, offset + length);
                    hashes[slot] = hash;
                    size++;
                }
                return created;
            }
            if (hashes[slot] == hash && sameText(text, chars, offset, length)) return table[slot];
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /**
     * Fibonacci hashing: texts such as {@code dlr-0123-r4} have nearly consecutive String hashes, which with
     * a plain mask fill runs of neighbouring slots and make linear probing walk them; multiplying by the
     * golden ratio scatters them over the table.
     */
    private static int slotOf(int hash) {
        return (hash * 0x9E3779B9) >>> (Integer.SIZE - TABLE_BITS);
    }

    /** A plain loop: for texts this short it beats the setup of the vectorized Arrays.equals. */
    private static boolean sameText(char[] text, char[] chars, int offset, int length) {
        if (text.length != length) return false;
        for (int i = 0; i < length; i++) {
            if (text[i] != chars[offset + i]) return false;
        }
        return true;
    }
}
