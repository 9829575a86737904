package dev.accrue.core.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * The one record of how a pending transfer ended: posted or voided by a transfer, or expired. Stored
 * once per pending transfer (a unique key in the store), so it cannot end twice.
 *
 * @param resolvedBy the post or void transfer; {@code null} for an expiry
 * @param resolvedAt the resolving transfer's timestamp, or the moment the pending transfer expired
 */
public record PendingResolution(TransferId pendingId, TransferState state, TransferId resolvedBy, Instant resolvedAt) {
    public PendingResolution {
        Objects.requireNonNull(pendingId, "pendingId");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (!TransferState.PENDING.canBecome(state)) throw new IllegalArgumentException("a pending transfer cannot become " + state);
        if ((state == TransferState.EXPIRED) != (resolvedBy == null)) {
            throw new IllegalArgumentException("an expiry has no resolving transfer, a post or void has one: " + pendingId);
        }
    }
}
