package dev.accrue.core.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger in memory, for simulations and tests: the same rules as the PostgreSQL store, one batch
 * at a time under the object's lock.
 */
public final class InMemoryLedgerStore implements LedgerStore {
    private final Map<AccountId, Account> accounts = new HashMap<>();
    private final Map<AccountId, Balance> balances = new HashMap<>();
    private final Map<TransferId, StoredTransfer> transfers = new LinkedHashMap<>();
    private final Map<TransferId, PendingResolution> resolutions = new HashMap<>();

    @Override
    public synchronized List<AccountResult> createAccounts(List<Account> batch) {
        Map<AccountId, Account> existing = new HashMap<>();
        for (Account account : batch) {
            Account known = accounts.get(account.id());
            if (known != null) existing.put(known.id(), known);
        }
        List<AccountResult> results = LedgerBatch.createAccounts(existing, batch);
        for (AccountResult result : results) {
            if (result.result() == CreateAccountResult.OK) {
                accounts.put(result.id(), result.account());
                balances.put(result.id(), Balance.zero(result.id(), result.account().unit()));
            }
        }
        return results;
    }

    @Override
    public synchronized List<TransferResult> createTransfers(List<Transfer> batch) {
        Map<AccountId, Account> touchedAccounts = new HashMap<>();
        Map<AccountId, Balance> touchedBalances = new HashMap<>();
        Map<TransferId, StoredTransfer> touchedTransfers = new HashMap<>();
        for (Transfer transfer : batch) {
            for (AccountId id : List.of(transfer.debitAccountId(), transfer.creditAccountId())) {
                Account account = accounts.get(id);
                if (account != null) {
                    touchedAccounts.put(id, account);
                    touchedBalances.put(id, balances.get(id));
                }
            }
            for (TransferId id : transfer.pendingId() == null ? List.of(transfer.id()) : List.of(transfer.id(), transfer.pendingId())) {
                StoredTransfer stored = transfers.get(id);
                if (stored != null) touchedTransfers.put(id, stored);
            }
        }
        BatchOutcome outcome = LedgerBatch.createTransfers(new LedgerSnapshot(touchedAccounts, touchedBalances, touchedTransfers), batch);
        apply(outcome);
        return outcome.results();
    }

    @Override
    public synchronized Map<TransferId, StoredTransfer> lookupTransfers(Collection<TransferId> ids) {
        Map<TransferId, StoredTransfer> found = new HashMap<>();
        for (TransferId id : ids) {
            StoredTransfer stored = transfers.get(id);
            if (stored != null) found.put(id, stored);
        }
        return found;
    }

    @Override
    public synchronized Map<AccountId, Account> lookupAccounts(Collection<AccountId> ids) {
        Map<AccountId, Account> found = new HashMap<>();
        for (AccountId id : ids) {
            Account account = accounts.get(id);
            if (account != null) found.put(id, account);
        }
        return found;
    }

    @Override
    public synchronized Map<AccountId, Balance> balances(Collection<AccountId> ids) {
        Map<AccountId, Balance> found = new HashMap<>();
        for (AccountId id : ids) {
            Balance balance = balances.get(id);
            if (balance != null) found.put(id, balance);
        }
        return found;
    }

    @Override
    public synchronized Map<AccountId, Balance> balancesAsOf(Collection<AccountId> ids, Instant at) {
        Map<AccountId, dev.accrue.core.money.Unit> units = new HashMap<>();
        for (AccountId id : ids) {
            Account account = accounts.get(id);
            if (account != null) units.put(id, account.unit());
        }
        List<Transfer> all = new ArrayList<>(transfers.size());
        transfers.values().forEach(stored -> all.add(stored.transfer()));
        return BalanceReplay.asOf(units, all, resolutions, at);
    }

    @Override
    public synchronized List<PendingResolution> expirePendingTransfers(Instant now) {
        Map<AccountId, Account> touchedAccounts = new HashMap<>();
        Map<AccountId, Balance> touchedBalances = new HashMap<>();
        Map<TransferId, StoredTransfer> candidates = new HashMap<>();
        for (StoredTransfer stored : transfers.values()) {
            Instant expiresAt = stored.transfer().expiresAt();
            if (stored.state() != TransferState.PENDING || expiresAt == null || expiresAt.isAfter(now)) continue;
            candidates.put(stored.id(), stored);
            for (AccountId id : List.of(stored.transfer().debitAccountId(), stored.transfer().creditAccountId())) {
                touchedAccounts.put(id, accounts.get(id));
                touchedBalances.put(id, balances.get(id));
            }
        }
        BatchOutcome outcome = LedgerBatch.expire(new LedgerSnapshot(touchedAccounts, touchedBalances, candidates), now);
        apply(outcome);
        return outcome.resolutions();
    }

    private void apply(BatchOutcome outcome) {
        for (Transfer transfer : outcome.created()) {
            transfers.put(transfer.id(), new StoredTransfer(transfer, TransferState.initial(transfer.kind())));
        }
        for (PendingResolution resolution : outcome.resolutions()) {
            StoredTransfer pending = transfers.get(resolution.pendingId());
            transfers.put(resolution.pendingId(), new StoredTransfer(pending.transfer(), resolution.state()));
            resolutions.put(resolution.pendingId(), resolution);
        }
        balances.putAll(outcome.balancesChanged());
    }
}
