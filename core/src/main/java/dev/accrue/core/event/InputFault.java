package dev.accrue.core.event;

/**
 * One fault in a line of input: the field it is in, what was expected there and what was found.
 * Thrown inside a line's parse and turned into a {@link LineError} with the line number by the parser
 * that owns the line. It carries no stack trace: it is an answer about the input, not a program failure,
 * and a file with a million bad lines must not cost a million stack walks.
 */
public final class InputFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String expected;
    private final String found;

    /**
     * @param field    the path of the field relative to where it was read ({@code net_amount}, {@code [2]}),
     *                 empty for the value being read itself; outer readers prefix it with {@link #within}
     */
    public InputFault(String field, String expected, String found) {
        super(null, null, false, false);
        this.field = field;
        this.expected = expected;
        this.found = found;
    }

    /** The same fault seen from the enclosing object: {@code within("data")} turns {@code net_amount} into {@code data.net_amount}. */
    public InputFault within(String outer) {
        String path = field.isEmpty() ? outer : field.startsWith("[") ? outer + field : outer + "." + field;
        return new InputFault(path, expected, found);
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** The fault as the error of {@code line}. */
    public LineError at(long line) {
        return new LineError(line, field, expected, found);
    }

    @Override
    public String getMessage() {
        return (field.isEmpty() ? "" : field + ": ") + "expected " + expected + ", found " + found;
    }
}
