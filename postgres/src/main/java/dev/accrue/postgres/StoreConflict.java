package dev.accrue.postgres;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A write that the database refused because of what is already there: a duplicate key (someone wrote
 * the same id or version first) or a reference to a row that does not exist. Callers turn it into a
 * 409 or 422; it is not a fault of the database.
 */
public final class StoreConflict extends RuntimeException {
    public enum Kind { DUPLICATE, MISSING_REFERENCE }

    private final Kind kind;

    public StoreConflict(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Runs {@code write}, turning PostgreSQL's unique (23505) and foreign-key (23503) violations into a conflict. */
    public static <T> T translate(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (UnableToExecuteStatementException e) {
            String state = e.getCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            if ("23505".equals(state)) throw new StoreConflict(Kind.DUPLICATE, e.getCause().getMessage(), e);
            if ("23503".equals(state)) throw new StoreConflict(Kind.MISSING_REFERENCE, e.getCause().getMessage(), e);
            throw e;
        }
    }
}
