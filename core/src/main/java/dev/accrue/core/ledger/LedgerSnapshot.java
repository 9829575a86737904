package dev.accrue.core.ledger;

import java.util.Map;

/**
 * What a batch is validated against: the accounts it names, their balances (locked by the store while
 * the batch runs), and the stored transfers whose ids the batch uses or whose pending ids it resolves.
 * Anything absent is taken as not existing.
 */
public record LedgerSnapshot(Map<AccountId, Account> accounts, Map<AccountId, Balance> balances,
                             Map<TransferId, StoredTransfer> transfers) {
    public LedgerSnapshot {
        accounts = Map.copyOf(accounts);
        balances = Map.copyOf(balances);
        transfers = Map.copyOf(transfers);
    }
}
