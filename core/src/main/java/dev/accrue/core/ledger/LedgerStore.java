package dev.accrue.core.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the ledger is kept: PostgreSQL in production, memory for simulations and tests. Every
 * implementation decides through {@link LedgerBatch}, so they differ only in how they keep and lock.
 * All methods are safe to call from many threads.
 */
public interface LedgerStore {

    /** Creates accounts (at most {@link LedgerBatch#ACCOUNT_BATCH_SIZE_MAX}); one result per account, in order. */
    List<AccountResult> createAccounts(List<Account> accounts);

    /**
     * Creates transfers (at most {@link LedgerBatch#TRANSFER_BATCH_SIZE_MAX}) atomically as one batch; one
     * result per transfer, in order. Results other than {@code OK} change nothing.
     */
    List<TransferResult> createTransfers(List<Transfer> transfers);

    /** The stored transfers among {@code ids}, with their current state; absent ids are left out. */
    Map<TransferId, StoredTransfer> lookupTransfers(Collection<TransferId> ids);

    /** The accounts among {@code ids}; absent ids are left out. */
    Map<AccountId, Account> lookupAccounts(Collection<AccountId> ids);

    /** Current balances of the accounts among {@code ids}; absent accounts are left out. */
    Map<AccountId, Balance> balances(Collection<AccountId> ids);

    /**
     * Balances as of {@code at}, recomputed from the transfers with a timestamp at or before it: a pending
     * transfer counts as pending until the timestamp of the transfer that posted or voided it (or the
     * moment it expired, once the expiry is recorded).
     */
    Map<AccountId, Balance> balancesAsOf(Collection<AccountId> ids, Instant at);

    /** Records as expired every pending transfer whose timeout has passed at {@code now}; returns what expired. */
    List<PendingResolution> expirePendingTransfers(Instant now);
}
