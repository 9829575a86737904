package dev.accrue.http.port;

/** A store refused a write because of what is already there: a duplicate id or version, or a missing referenced row. */
public final class StoreConflictException extends RuntimeException {
    public enum Kind { DUPLICATE, MISSING_REFERENCE }

    private final Kind kind;

    public StoreConflictException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
