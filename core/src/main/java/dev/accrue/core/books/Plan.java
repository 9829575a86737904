package dev.accrue.core.books;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.Transfer;
import java.util.List;

/**
 * What the books will write: the accounts the transfers need (creating one twice is a no-op), the
 * transfers in order, and each changed line's state once they are written.
 */
public record Plan(List<Account> accounts, List<Transfer> transfers, List<BookedLine> lines, List<Adjustment> adjustments) {
    public Plan {
        accounts = List.copyOf(accounts);
        transfers = List.copyOf(transfers);
        lines = List.copyOf(lines);
        adjustments = List.copyOf(adjustments);
    }

    public boolean isEmpty() {
        return transfers.isEmpty() && lines.isEmpty();
    }
}
