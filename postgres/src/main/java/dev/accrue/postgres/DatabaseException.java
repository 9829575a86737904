package dev.accrue.postgres;

/** The database could not be started, reached or migrated; the message says what to do. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
