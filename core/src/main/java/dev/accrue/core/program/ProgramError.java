package dev.accrue.core.program;

/**
 * One fault in a program document: where it is and what a program owner should change.
 *
 * @param source the file name (or "request body")
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param field  the path of the field, e.g. {@code tracks[0].rules[1].tiers.bands[2].from}
 */
public record ProgramError(String source, int line, int column, String field, String message) {
    /** {@code file:line:column: field: message}, the form the command line prints. */
    public String format() {
        return source + ":" + line + ":" + column + ": " + field + ": " + message;
    }
}
