package dev.accrue.core.ledger;

import static dev.accrue.core.ledger.CreateTransferResult.*;

import dev.accrue.core.Invariants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's rules, as a pure function: a batch of transfers against a snapshot of the accounts,
 * balances and transfers it touches gives a result per transfer and the writes that follow. Stores are
 * thin adapters around it: they load the snapshot (holding locks), call this, and write the outcome.
 *
 * <p>Transfers apply in order and see the effects of those before them in the batch. A linked chain
 * (transfers with the {@code linked} flag, ended by the first without it) applies whole or not at all.
 * A transfer that {@link CreateTransferResult#EXISTS} with the same content is a no-op and does not fail
 * its chain, so a retried chain answers {@code EXISTS} throughout.
 */
public final class LedgerBatch {
    /** The most transfers one call takes: enough for a batch of ingested events, small enough to lock briefly. */
    public static final int TRANSFER_BATCH_SIZE_MAX = 10_000;
    public static final int ACCOUNT_BATCH_SIZE_MAX = 10_000;

    private LedgerBatch() {}

    /** Creates {@code batch} against {@code snapshot}; see the class comment. */
    public static BatchOutcome createTransfers(LedgerSnapshot snapshot, List<Transfer> batch) {
        requireSize(batch.size(), TRANSFER_BATCH_SIZE_MAX, "transfers");
        Working working = new Working(snapshot);
        int size = batch.size();
        CreateTransferResult[] codes = new CreateTransferResult[size];
        int start = 0;
        while (start < size) {
            int end = start;
            while (end < size - 1 && batch.get(end).linked()) end++;
            applyChain(working, batch, start, end, codes);
            start = end + 1;
        }
        List<TransferResult> results = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            TransferId id = batch.get(i).id();
            StoredTransfer stored = switch (codes[i]) {
                case OK, EXISTS, EXISTS_WITH_DIFFERENT_FIELDS -> working.transfers.get(id);
                default -> null;
            };
            results.add(new TransferResult(id, codes[i], stored));
        }
        Map<AccountId, Balance> changed = working.balancesChanged(snapshot);
        checkDebitsEqualCredits(snapshot, changed);
        return new BatchOutcome(results, working.created, working.resolutions, changed);
    }

    /**
     * Expires every pending transfer of {@code snapshot} whose timeout has passed at {@code now}: its
     * reservation is released and it is recorded as {@code EXPIRED} at the moment it expired, not at
     * {@code now}, so that the outcome does not depend on when the expiry job ran.
     */
    public static BatchOutcome expire(LedgerSnapshot snapshot, Instant now) {
        Working working = new Working(snapshot);
        List<StoredTransfer> candidates = new ArrayList<>(snapshot.transfers().values());
        candidates.sort((a, b) -> a.id().compareTo(b.id()));
        for (StoredTransfer stored : candidates) {
            Transfer pending = stored.transfer();
            Instant expiresAt = pending.expiresAt();
            if (stored.state() != TransferState.PENDING || expiresAt == null || expiresAt.isAfter(now)) continue;
            long amount = pending.amount().amountMinor();
            Balance debit = working.balance(pending.debitAccountId());
            Balance credit = working.balance(pending.creditAccountId());
            working.putBalance(new Balance(debit.accountId(), debit.unit(), debit.debitsPendingMinor() - amount,
                    debit.debitsPostedMinor(), debit.creditsPendingMinor(), debit.creditsPostedMinor()));
            working.putBalance(new Balance(credit.accountId(), credit.unit(), credit.debitsPendingMinor(),
                    credit.debitsPostedMinor(), credit.creditsPendingMinor() - amount, credit.creditsPostedMinor()));
            working.resolve(stored, new PendingResolution(pending.id(), TransferState.EXPIRED, null, expiresAt));
        }
        Map<AccountId, Balance> changed = working.balancesChanged(snapshot);
        checkDebitsEqualCredits(snapshot, changed);
        return new BatchOutcome(List.of(), List.of(), working.resolutions, changed);
    }

    /** Creates {@code batch} against the {@code existing} accounts with the same ids. */
    public static List<AccountResult> createAccounts(Map<AccountId, Account> existing, List<Account> batch) {
        requireSize(batch.size(), ACCOUNT_BATCH_SIZE_MAX, "accounts");
        Map<AccountId, Account> known = new HashMap<>(existing);
        List<AccountResult> results = new ArrayList<>(batch.size());
        for (Account account : batch) {
            Account original = known.putIfAbsent(account.id(), account);
            CreateAccountResult result = original == null ? CreateAccountResult.OK
                    : original.equals(account) ? CreateAccountResult.EXISTS : CreateAccountResult.EXISTS_WITH_DIFFERENT_FIELDS;
            results.add(new AccountResult(account.id(), result, original == null ? account : original));
        }
        return results;
    }

    private static void applyChain(Working working, List<Transfer> batch, int start, int end, CreateTransferResult[] codes) {
        int mark = working.mark();
        int failedAt = -1;
        for (int i = start; i <= end && failedAt < 0; i++) {
            codes[i] = working.apply(batch.get(i));
            if (!codes[i].isSuccess()) failedAt = i;
        }
        boolean open = batch.get(end).linked();
        if (open) {
            codes[end] = LINKED_EVENT_CHAIN_OPEN;
            if (failedAt < 0) failedAt = end;
        }
        if (failedAt < 0) return;
        working.rollback(mark);
        for (int i = start; i <= end; i++) {
            if (i != failedAt && !(open && i == end)) codes[i] = LINKED_EVENT_FAILED;
        }
    }

    /** Refuses a batch over its limit: an input error, reported before any work. */
    public static void requireSize(int size, int sizeMax, String what) {
        if (size > sizeMax) throw new IllegalArgumentException("a batch has at most " + sizeMax + " " + what + ", got " + size);
    }

    /** Every change moves as much to debits as to credits, in each unit and on each of pending and posted. */
    private static void checkDebitsEqualCredits(LedgerSnapshot snapshot, Map<AccountId, Balance> changed) {
        Map<String, long[]> deltaByUnit = new HashMap<>();
        for (Balance after : changed.values()) {
            Balance before = snapshot.balances().getOrDefault(after.accountId(), Balance.zero(after.accountId(), after.unit()));
            long[] delta = deltaByUnit.computeIfAbsent(after.unit().code(), unit -> new long[2]);
            delta[0] += (after.debitsPendingMinor() - before.debitsPendingMinor()) - (after.creditsPendingMinor() - before.creditsPendingMinor());
            delta[1] += (after.debitsPostedMinor() - before.debitsPostedMinor()) - (after.creditsPostedMinor() - before.creditsPostedMinor());
        }
        deltaByUnit.forEach((unit, delta) -> {
            if (delta[0] != 0 || delta[1] != 0) {
                Invariants.check(false, "a batch moves as much to debits as to credits in " + unit + ", off by " + Arrays.toString(delta));
            }
        });
    }

    /** The batch's view of the ledger while it runs, with an undo log so a failed chain leaves no trace. */
    private static final class Working {
        private final Map<AccountId, Account> accounts;
        private final Map<AccountId, Balance> balances;
        private final Map<TransferId, StoredTransfer> transfers;
        private final List<Transfer> created = new ArrayList<>();
        private final List<PendingResolution> resolutions = new ArrayList<>();
        private final List<Runnable> undo = new ArrayList<>();

        Working(LedgerSnapshot snapshot) {
            accounts = snapshot.accounts();
            balances = new HashMap<>(snapshot.balances());
            transfers = new HashMap<>(snapshot.transfers());
        }

        int mark() {
            return undo.size();
        }

        void rollback(int mark) {
            while (undo.size() > mark) undo.remove(undo.size() - 1).run();
        }

        Balance balance(AccountId id) {
            Balance balance = balances.get(id);
            if (balance != null) return balance;
            Account account = accounts.get(id);
            if (account == null) Invariants.check(false, "a balance is read only for a known account: " + id);
            return Balance.zero(id, account.unit());
        }

        void putBalance(Balance balance) {
            Balance previous = balances.put(balance.accountId(), balance);
            undo.add(() -> restore(balances, balance.accountId(), previous));
        }

        void resolve(StoredTransfer pending, PendingResolution resolution) {
            if (!pending.state().canBecome(resolution.state())) {
                Invariants.check(false, "pending transfer " + pending.id() + " cannot go from " + pending.state() + " to " + resolution.state());
            }
            transfers.put(pending.id(), new StoredTransfer(pending.transfer(), resolution.state()));
            resolutions.add(resolution);
            undo.add(() -> {
                transfers.put(pending.id(), pending);
                resolutions.remove(resolutions.size() - 1);
            });
        }

        CreateTransferResult apply(Transfer transfer) {
            CreateTransferResult shape = checkShape(transfer);
            if (shape != null) return shape;
            StoredTransfer existing = transfers.get(transfer.id());
            if (existing != null) return existing.transfer().equals(transfer) ? EXISTS : EXISTS_WITH_DIFFERENT_FIELDS;
            Account debit = accounts.get(transfer.debitAccountId());
            if (debit == null) return DEBIT_ACCOUNT_NOT_FOUND;
            Account credit = accounts.get(transfer.creditAccountId());
            if (credit == null) return CREDIT_ACCOUNT_NOT_FOUND;
            if (!debit.unit().equals(credit.unit())) return ACCOUNTS_MUST_HAVE_SAME_UNIT;
            if (!transfer.amount().unit().equals(debit.unit())) return TRANSFER_MUST_HAVE_SAME_UNIT_AS_ACCOUNTS;
            StoredTransfer pending = null;
            if (transfer.kind().resolvesPending()) {
                pending = transfers.get(transfer.pendingId());
                CreateTransferResult problem = checkPending(transfer, pending);
                if (problem != null) return problem;
            }
            return move(transfer, debit, credit, pending);
        }

        private CreateTransferResult move(Transfer transfer, Account debitAccount, Account creditAccount, StoredTransfer pending) {
            long amount = transfer.amount().amountMinor();
            long reserved = pending == null ? 0 : pending.transfer().amount().amountMinor();
            Balance debit = balance(debitAccount.id());
            Balance credit = balance(creditAccount.id());
            Balance debitAfter;
            Balance creditAfter;
            try {
                debitAfter = switch (transfer.kind()) {
                    case SINGLE_PHASE -> withDebits(debit, debit.debitsPendingMinor(), Math.addExact(debit.debitsPostedMinor(), amount));
                    case PENDING -> withDebits(debit, Math.addExact(debit.debitsPendingMinor(), amount), debit.debitsPostedMinor());
                    case POST_PENDING -> withDebits(debit, debit.debitsPendingMinor() - reserved, Math.addExact(debit.debitsPostedMinor(), amount));
                    case VOID_PENDING -> withDebits(debit, debit.debitsPendingMinor() - reserved, debit.debitsPostedMinor());
                };
                Math.addExact(debitAfter.debitsPendingMinor(), debitAfter.debitsPostedMinor());
            } catch (ArithmeticException overflow) {
                return OVERFLOWS_DEBITS;
            }
            try {
                creditAfter = switch (transfer.kind()) {
                    case SINGLE_PHASE -> withCredits(credit, credit.creditsPendingMinor(), Math.addExact(credit.creditsPostedMinor(), amount));
                    case PENDING -> withCredits(credit, Math.addExact(credit.creditsPendingMinor(), amount), credit.creditsPostedMinor());
                    case POST_PENDING -> withCredits(credit, credit.creditsPendingMinor() - reserved, Math.addExact(credit.creditsPostedMinor(), amount));
                    case VOID_PENDING -> withCredits(credit, credit.creditsPendingMinor() - reserved, credit.creditsPostedMinor());
                };
                Math.addExact(creditAfter.creditsPendingMinor(), creditAfter.creditsPostedMinor());
            } catch (ArithmeticException overflow) {
                return OVERFLOWS_CREDITS;
            }
            if (debitAccount.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS) && !debitAfter.satisfies(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)) {
                return EXCEEDS_CREDITS;
            }
            if (creditAccount.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS) && !creditAfter.satisfies(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
                return EXCEEDS_DEBITS;
            }
            // A debit only loosens the debit account's other constraint and a credit the credit account's,
            // so an account that satisfied its flags before still does; checked all the same.
            // (Messages are built only on failure: this runs for every transfer.)
            for (AccountFlag flag : debitAccount.flags()) {
                if (!debitAfter.satisfies(flag)) Invariants.check(false, debitAfter + " keeps " + flag);
            }
            for (AccountFlag flag : creditAccount.flags()) {
                if (!creditAfter.satisfies(flag)) Invariants.check(false, creditAfter + " keeps " + flag);
            }
            putBalance(debitAfter);
            putBalance(creditAfter);
            StoredTransfer stored = new StoredTransfer(transfer, TransferState.initial(transfer.kind()));
            transfers.put(transfer.id(), stored);
            created.add(transfer);
            undo.add(() -> {
                transfers.remove(transfer.id());
                created.remove(created.size() - 1);
            });
            if (pending != null) {
                resolve(pending, new PendingResolution(pending.id(), TransferState.resolvedBy(transfer.kind()), transfer.id(), transfer.timestamp()));
            }
            return OK;
        }

        Map<AccountId, Balance> balancesChanged(LedgerSnapshot snapshot) {
            Map<AccountId, Balance> changed = new LinkedHashMap<>();
            balances.forEach((id, balance) -> {
                if (!balance.equals(snapshot.balances().get(id))) changed.put(id, balance);
            });
            return changed;
        }
    }

    private static CreateTransferResult checkShape(Transfer transfer) {
        if (transfer.amount().amountMinor() <= 0) return AMOUNT_MUST_BE_POSITIVE;
        if (transfer.debitAccountId().equals(transfer.creditAccountId())) return ACCOUNTS_MUST_BE_DIFFERENT;
        switch (transfer.kind()) {
            case SINGLE_PHASE, PENDING -> {
                if (transfer.pendingId() != null) return PENDING_ID_MUST_BE_ABSENT;
            }
            case POST_PENDING, VOID_PENDING -> {
                if (transfer.pendingId() == null) return PENDING_ID_REQUIRED;
                if (transfer.pendingId().equals(transfer.id())) return PENDING_ID_MUST_BE_DIFFERENT;
            }
        }
        if (transfer.timeoutSeconds() != 0 && transfer.kind() != TransferKind.PENDING) return TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
        if (transfer.timeoutSeconds() < 0 || transfer.timeoutSeconds() > Transfer.TIMEOUT_SECONDS_MAX) return TIMEOUT_OUT_OF_RANGE;
        return null;
    }

    private static CreateTransferResult checkPending(Transfer transfer, StoredTransfer stored) {
        if (stored == null) return PENDING_TRANSFER_NOT_FOUND;
        Transfer pending = stored.transfer();
        if (pending.kind() != TransferKind.PENDING) return PENDING_TRANSFER_NOT_PENDING;
        if (!pending.debitAccountId().equals(transfer.debitAccountId())) return PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT;
        if (!pending.creditAccountId().equals(transfer.creditAccountId())) return PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT;
        switch (stored.state()) {
            case POSTED -> { return PENDING_TRANSFER_ALREADY_POSTED; }
            case VOIDED -> { return PENDING_TRANSFER_ALREADY_VOIDED; }
            case EXPIRED -> { return PENDING_TRANSFER_EXPIRED; }
            case PENDING -> { }
        }
        if (transfer.timestamp().isBefore(pending.timestamp())) return TIMESTAMP_BEFORE_PENDING_TRANSFER;
        Instant expiresAt = pending.expiresAt();
        if (expiresAt != null && !transfer.timestamp().isBefore(expiresAt)) return PENDING_TRANSFER_EXPIRED;
        long reserved = pending.amount().amountMinor();
        long amount = transfer.amount().amountMinor();
        return switch (transfer.kind()) {
            case POST_PENDING -> amount > reserved ? EXCEEDS_PENDING_TRANSFER_AMOUNT : null;
            case VOID_PENDING -> amount != reserved ? PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT : null;
            case SINGLE_PHASE, PENDING -> throw new IllegalStateException("not a resolving transfer: " + transfer.kind());
        };
    }

    private static Balance withDebits(Balance balance, long pendingMinor, long postedMinor) {
        return new Balance(balance.accountId(), balance.unit(), pendingMinor, postedMinor, balance.creditsPendingMinor(), balance.creditsPostedMinor());
    }

    private static Balance withCredits(Balance balance, long pendingMinor, long postedMinor) {
        return new Balance(balance.accountId(), balance.unit(), balance.debitsPendingMinor(), balance.debitsPostedMinor(), pendingMinor, postedMinor);
    }

    private static <K, V> void restore(Map<K, V> map, K key, V previous) {
        if (previous == null) map.remove(key);
        else map.put(key, previous);
    }
}
