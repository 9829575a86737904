package dev.accrue.core.ledger;

import java.util.Set;

/**
 * The state of a stored transfer. A pending transfer is {@code PENDING} until exactly one of post, void or
 * expiry resolves it; the other states are final. The allowed transitions are here and nowhere else.
 */
public enum TransferState {
    PENDING,
    POSTED,
    VOIDED,
    EXPIRED;

    /** The state a transfer of {@code kind} has when it is created. */
    public static TransferState initial(TransferKind kind) {
        return switch (kind) {
            case PENDING -> PENDING;
            case SINGLE_PHASE, POST_PENDING -> POSTED;
            case VOID_PENDING -> VOIDED;
        };
    }

    /** The states this one may become; empty for a final state. */
    public Set<TransferState> next() {
        return switch (this) {
            case PENDING -> Set.of(POSTED, VOIDED, EXPIRED);
            case POSTED, VOIDED, EXPIRED -> Set.of();
        };
    }

    public boolean canBecome(TransferState target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The state a pending transfer takes when a transfer of {@code kind} resolves it. */
    static TransferState resolvedBy(TransferKind kind) {
        return switch (kind) {
            case POST_PENDING -> POSTED;
            case VOID_PENDING -> VOIDED;
            case SINGLE_PHASE, PENDING -> throw new IllegalArgumentException(kind + " does not resolve a pending transfer");
        };
    }
}
