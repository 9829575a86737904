package dev.accrue.core.event;

/**
 * Hands out one String instance per distinct short text, looked up by its characters so that a repeated
 * value (a product family, a currency, a partner id) costs no allocation at all. Bounded: once full it
 * keeps its entries and returns fresh strings for new texts, so memory stays fixed and results stay the same.
 * Not thread-safe; each parser owns one.
 */
final class StringPool {
    /** Longer texts are rarely repeated (ids, e-mail addresses) and are not pooled. */
    static final int TEXT_LENGTH_MAX = 48;
    /** Distinct texts kept: partner ids, SKUs, reps and the like of a large installation. */
    static final int ENTRIES_MAX = 1 << 16;

    private final String[] table = new String[ENTRIES_MAX * 2];
    private final int mask = table.length - 1;
    private int size;

    StringPool(Iterable<String> preloaded) {
        for (String text : preloaded) intern(text.toCharArray(), 0, text.length());
    }

    String intern(char[] chars, int offset, int length) {
        if (length > TEXT_LENGTH_MAX) return new String(chars, offset, length);
        int hash = 0;
        for (int i = offset; i < offset + length; i++) hash = 31 * hash + chars[i];
        int slot = spread(hash) & mask;
        while (true) {
            String entry = table[slot];
            if (entry == null) {
                String created = new String(chars, offset, length);
                if (size < ENTRIES_MAX) {
                    table[slot] = created;
                    size++;
                }
                return created;
            }
            if (entry.hashCode() == hash && sameText(entry, chars, offset, length)) return entry;
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static boolean sameText(String entry, char[] chars, int offset, int length) {
        if (entry.length() != length) return false;
        for (int i = 0; i < length; i++) {
            if (entry.charAt(i) != chars[offset + i]) return false;
        }
        return true;
    }
}
