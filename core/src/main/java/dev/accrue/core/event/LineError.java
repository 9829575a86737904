package dev.accrue.core.event;

/**
 * Why one line of input was refused.
 *
 * @param line     1-based line number in the input
 * @param field    the path of the offending field ({@code data.net_amount}, {@code occurred_at}); empty when
 *                 the fault is the line as a whole
 * @param expected what a valid line has there
 * @param found    what this line has there
 */
public record LineError(long line, String field, String expected, String found) {
    /** {@code field: expected …, found …} */
    public String message() {
        return (field.isEmpty() ? "" : field + ": ") + "expected " + expected + ", found " + found;
    }

    /** {@code line 12: data.net_amount: expected …, found …}, the form the command line prints. */
    public String format() {
        return "line " + line + ": " + message();
    }

    @Override
    public String toString() {
        return format();
    }
}
