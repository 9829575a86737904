package dev.accrue.postgres.ledger;

import java.util.List;

/**
 * What {@link LedgerVerifier} found: the differences (empty when the ledger is sound) and counts for a
 * one-line summary.
 */
public record LedgerVerification(List<String> differences, long accounts, long transfers, List<String> units,
                                 long pendingOpen, long pendingPosted, long pendingVoided, long pendingExpired) {
    public LedgerVerification {
        differences = List.copyOf(differences);
        units = List.copyOf(units);
    }

    public boolean isSound() {
        return differences.isEmpty();
    }

    public String summary() {
        return (isSound() ? "ledger verified: " : "ledger NOT verified, " + differences.size() + " difference(s): ")
                + accounts + " accounts, " + transfers + " transfers, debits equal credits in " + units.size() + " unit(s) "
                + units + "; pending transfers: " + pendingOpen + " open, " + pendingPosted + " posted, "
                + pendingVoided + " voided, " + pendingExpired + " expired";
    }
}
