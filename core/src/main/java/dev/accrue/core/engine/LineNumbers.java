package dev.accrue.core.engine;

import dev.accrue.core.event.Event;
import dev.accrue.core.event.EventTypes;

/**
 * Numbers the lines a return or refund may name, from 0 in the order they are first seen: a sale's
 * {@code line_id}, a payment's {@code invoice}. The engine keeps what it knows of a line in arrays by that
 * number ({@link SaleLineIndex}), so hashing and probing an id table of tens of millions of lines is done
 * here, which a simulation runs on the thread that reads the events, beside the engine's ({@link SharedRun}).
 *
 * <p>Ids are kept as their 128-bit hashes ({@link IdHash}) in an open-addressed table, with their numbers
 * beside it: 20 bytes a slot, at most three quarters full. A number, once given, stays the id's for the whole run.
 */
final class LineNumbers {
    /** Not a line, or a line never seen. */
    static final int NONE = -1;

    private long[] table;
    private int[] numbers;
    private int size;
    private final long[] hash = new long[2];

    /** How many lines the table starts with room for when nobody says. */
    private static final int DEFAULT_EXPECTED = 1 << 12;

    LineNumbers() {
        this(0);
    }

    /** @param expected how many lines are expected (0: not known): the table grows past that, but need not grow up to it */
    LineNumbers(int expected) {
        int slots = IdHash.slotsFor(expected > 0 ? expected : DEFAULT_EXPECTED);
        table = new long[2 * slots];
        numbers = new int[slots];
    }

    /**
     * The number of the line this event puts (a sale, a payment with an invoice) or names (a return, a
     * refund); {@link #NONE} for any other event, or a named line never seen. Events must come in the order
     * the engine takes them.
     */
    int numberOf(Event event) {
        String type = event.type();
        if (EventTypes.SALE.equals(type)) return number(EventFields.string(event, "line_id"), true);
        if (EventTypes.PAYMENT.equals(type)) return number(invoiceKey(EventFields.string(event, "invoice")), true);
        if (EventTypes.RETURN.equals(type)) return number(EventFields.string(event, "original_line_id"), false);
        if (EventTypes.REFUND.equals(type)) return number(invoiceKey(EventFields.string(event, "invoice")), false);
        return NONE;
    }

    /** Payments share the numbering under a key no line id can take. */
    private static String invoiceKey(String invoice) {
        return invoice == null ? null : "\u0000invoice:" + invoice;
    }

    /** The id's number; a new one if {@code add} and the id is new, else {@link #NONE} for an id never seen. */
    int number(String id, boolean add) {
        if (id == null) return NONE;
        IdHash.hash(id, hash);
        long high = hash[0];
        long low = hash[1];
        if (add && size >= numbers.length - (numbers.length >>> 2)) grow();
        int slot = IdHash.find(table, high, low);
        if (!IdHash.isEmpty(table, slot)) return numbers[slot];
        if (!add) return NONE;
        IdHash.put(table, slot, high, low);
        numbers[slot] = size;
        return size++;
    }

    /** Ids numbered so far. */
    int size() {
        return size;
    }

    private void grow() {
        int[] oldNumbers = numbers;
        int[] newNumbers = new int[oldNumbers.length * 2];
        table = IdHash.doubled(table, (from, to) -> newNumbers[to] = oldNumbers[from]);
        numbers = newNumbers;
    }
}
