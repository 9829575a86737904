package dev.accrue.postgres.ledger;

/** The database failed under the ledger (not a refused transfer: those are result codes). */
public final class LedgerStoreException extends RuntimeException {
    LedgerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
