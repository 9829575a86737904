package dev.accrue.core.ledger;

import java.util.List;
import java.util.Map;

/**
 * What a batch does: a result per transfer, and what the store must write — the new transfers, the
 * pending transfers they resolved, and the new totals of every account whose balance changed.
 */
public record BatchOutcome(List<TransferResult> results, List<Transfer> created, List<PendingResolution> resolutions,
                           Map<AccountId, Balance> balancesChanged) {
    public BatchOutcome {
        results = List.copyOf(results);
        created = List.copyOf(created);
        resolutions = List.copyOf(resolutions);
        balancesChanged = Map.copyOf(balancesChanged);
    }

    public boolean changesNothing() {
        return created.isEmpty() && resolutions.isEmpty();
    }
}
