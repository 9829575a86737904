package dev.accrue.core.ledger;

/** What a transfer does, as TigerBeetle's mutually exclusive transfer flags. */
public enum TransferKind {
    /** Moves the amount at once: posted when created. */
    SINGLE_PHASE,
    /** Reserves the amount on both accounts until a later transfer posts or voids it, or it expires. */
    PENDING,
    /** Posts a pending transfer, in full or in part; the rest of the reservation is released. */
    POST_PENDING,
    /** Voids a pending transfer: releases its whole reservation, moves nothing. */
    VOID_PENDING;

    public boolean resolvesPending() {
        return this == POST_PENDING || this == VOID_PENDING;
    }
}
