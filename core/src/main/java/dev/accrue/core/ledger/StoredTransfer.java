package dev.accrue.core.ledger;

import java.util.Objects;

/** A transfer as the ledger holds it: the immutable transfer and its current state. */
public record StoredTransfer(Transfer transfer, TransferState state) {
    public StoredTransfer {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(state, "state");
        if (transfer.kind() != TransferKind.PENDING && state != TransferState.initial(transfer.kind())) {
            throw new IllegalArgumentException("only a pending transfer changes state: " + transfer.id() + " " + state);
        }
    }

    public TransferId id() {
        return transfer.id();
    }
}
