package dev.accrue.core.ledger;

import dev.accrue.core.money.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A transfer: immutable, identified by a caller-chosen id, moving {@code amount} from the debit account
 * to the credit account at {@code timestamp} (given by the caller: the core reads no clock). A transfer
 * that breaks a rule is not an exception but a result code from {@link LedgerBatch}, so one bad transfer
 * in a batch does not hide the others' results.
 *
 * @param pendingId for {@link TransferKind#POST_PENDING} and {@link TransferKind#VOID_PENDING}: the
 *     pending transfer they resolve; {@code null} otherwise
 * @param timeoutSeconds for {@link TransferKind#PENDING} only: the pending transfer expires this long
 *     after its timestamp unless posted or voided before; 0 for never
 * @param linked this transfer and the next in the batch succeed or fail together; a chain ends at the
 *     first transfer without the flag
 * @param timestamp stored with microsecond precision, so it is truncated to whole microseconds here and
 *     a retry compares equal to what was stored
 */
public record Transfer(
        TransferId id,
        AccountId debitAccountId,
        AccountId creditAccountId,
        Money amount,
        TransferKind kind,
        TransferId pendingId,
        long timeoutSeconds,
        boolean linked,
        Instant timestamp,
        TransferCode code,
        UserData userData) {

    /** Ten years: a pending earning waits for claims and approvals, never longer than this. */
    public static final long TIMEOUT_SECONDS_MAX = 10L * 366 * 24 * 60 * 60;

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(creditAccountId, "creditAccountId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(code, "code");
        timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
        userData = userData == null ? UserData.NONE : userData;
    }

    /** A transfer that moves the amount at once. */
    public static Transfer singlePhase(TransferId id, AccountId debit, AccountId credit, Money amount, TransferCode code, Instant at) {
        return new Transfer(id, debit, credit, amount, TransferKind.SINGLE_PHASE, null, 0, false, at, code, UserData.NONE);
    }

    /** A pending transfer: reserves the amount until posted, voided or expired. */
    public static Transfer pending(TransferId id, AccountId debit, AccountId credit, Money amount, TransferCode code, Instant at) {
        return new Transfer(id, debit, credit, amount, TransferKind.PENDING, null, 0, false, at, code, UserData.NONE);
    }

    /** Posts {@code amount} (at most the pending amount) of {@code pending}; the rest is released. */
    public static Transfer postPending(TransferId id, Transfer pending, Money amount, Instant at) {
        return new Transfer(id, pending.debitAccountId, pending.creditAccountId, amount, TransferKind.POST_PENDING,
                pending.id, 0, false, at, pending.code, pending.userData);
    }

    /** Voids {@code pending}: its whole amount is released. */
    public static Transfer voidPending(TransferId id, Transfer pending, Instant at) {
        return new Transfer(id, pending.debitAccountId, pending.creditAccountId, pending.amount, TransferKind.VOID_PENDING,
                pending.id, 0, false, at, pending.code, pending.userData);
    }

    public Transfer withLinked(boolean value) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, kind, pendingId, timeoutSeconds, value, timestamp, code, userData);
    }

    public Transfer withTimeoutSeconds(long value) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, kind, pendingId, value, linked, timestamp, code, userData);
    }

    public Transfer withUserData(UserData value) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, kind, pendingId, timeoutSeconds, linked, timestamp, code, value);
    }

    /** When a pending transfer with a timeout expires; {@code null} if it never does. */
    public Instant expiresAt() {
        return kind == TransferKind.PENDING && timeoutSeconds > 0 ? timestamp.plusSeconds(timeoutSeconds) : null;
    }
}
