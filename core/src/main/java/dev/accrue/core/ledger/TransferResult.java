package dev.accrue.core.ledger;

import java.util.Objects;

/**
 * The result of one transfer of a batch, in the batch's order.
 *
 * @param transfer the transfer as stored: the new one for {@link CreateTransferResult#OK}, the original
 *     for {@link CreateTransferResult#EXISTS} and {@link CreateTransferResult#EXISTS_WITH_DIFFERENT_FIELDS};
 *     {@code null} for the other results
 */
public record TransferResult(TransferId id, CreateTransferResult result, StoredTransfer transfer) {
    public TransferResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
    }

    public boolean isSuccess() {
        return result.isSuccess();
    }
}
