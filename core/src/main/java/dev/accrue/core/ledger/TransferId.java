package dev.accrue.core.ledger;

import java.util.Objects;

/**
 * A transfer's id, chosen by the caller: derive it from what caused the transfer (for example
 * {@code accrual:rebate-2026:v3:evt-981:line-1:acme}) so that a retry names the same transfer and is a
 * no-op. At most {@link #LENGTH_MAX} characters; a caller with longer natural keys hashes them.
 */
public record TransferId(String value) implements Comparable<TransferId> {
    public static final int LENGTH_MAX = 200;

    public TransferId {
        Objects.requireNonNull(value, "value");
        LedgerText.requirePrintable(value, LENGTH_MAX, "a transfer id");
    }

    @Override
    public int compareTo(TransferId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
