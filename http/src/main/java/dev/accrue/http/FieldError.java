package dev.accrue.http;

/** One fault in a request: where ({@code field}, and {@code line}/{@code column} in a program document, 0 when unknown) and what. */
record FieldError(String field, String message, int line, int column) {
    static FieldError of(String field, String message) {
        return new FieldError(field, message, 0, 0);
    }
}
