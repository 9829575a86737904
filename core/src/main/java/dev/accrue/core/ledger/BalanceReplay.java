package dev.accrue.core.ledger;

import dev.accrue.core.money.Unit;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Balances recomputed from the transfers alone, as of a moment: the definition that the stored
 * balances (a cache) must match. See {@link LedgerStore#balancesAsOf}.
 */
public final class BalanceReplay {
    private BalanceReplay() {}

    /**
     * @param units the accounts to compute, with their units; transfers on other accounts are ignored
     * @param resolutions how pending transfers ended, by pending id
     */
    public static Map<AccountId, Balance> asOf(Map<AccountId, Unit> units, Iterable<Transfer> transfers,
                                               Map<TransferId, PendingResolution> resolutions, Instant at) {
        Map<AccountId, long[]> totals = new HashMap<>();
        units.keySet().forEach(id -> totals.put(id, new long[4]));
        for (Transfer transfer : transfers) {
            if (transfer.timestamp().isAfter(at)) continue;
            long amount = transfer.amount().amountMinor();
            int pendingOrPosted = switch (transfer.kind()) {
                case SINGLE_PHASE, POST_PENDING -> 1;
                case PENDING -> {
                    PendingResolution resolution = resolutions.get(transfer.id());
                    yield resolution == null || resolution.resolvedAt().isAfter(at) ? 0 : -1;
                }
                case VOID_PENDING -> -1;
            };
            if (pendingOrPosted < 0) continue;
            long[] debit = totals.get(transfer.debitAccountId());
            if (debit != null) debit[pendingOrPosted] = Math.addExact(debit[pendingOrPosted], amount);
            long[] credit = totals.get(transfer.creditAccountId());
            if (credit != null) credit[2 + pendingOrPosted] = Math.addExact(credit[2 + pendingOrPosted], amount);
        }
        Map<AccountId, Balance> balances = new HashMap<>();
        totals.forEach((id, t) -> balances.put(id, new Balance(id, units.get(id), t[0], t[1], t[2], t[3])));
        return balances;
    }
}
