package dev.accrue.core.ledger;

import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;

/**
 * What a transfer is about, for reports and audits: the program, the partner, the period and a
 * reference to the rule or document behind it. Any of them may be {@code null}; the ledger does not
 * interpret them.
 */
public record UserData(ProgramId program, String partner, PeriodId period, String reference) {
    public static final int PARTNER_LENGTH_MAX = 128;
    public static final int REFERENCE_LENGTH_MAX = 256;
    public static final UserData NONE = new UserData(null, null, null, null);

    public UserData {
        if (partner != null) LedgerText.requirePrintable(partner, PARTNER_LENGTH_MAX, "a partner");
        if (reference != null && (reference.isEmpty() || reference.length() > REFERENCE_LENGTH_MAX)) {
            throw new IllegalArgumentException("a reference has 1 to " + REFERENCE_LENGTH_MAX + " characters");
        }
    }
}
