package dev.accrue.core.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * The chart of accounts: what an account is for. See {@code docs/ledger.md} for how money moves
 * between them.
 */
public enum AccountCode {
    /**
     * What a payee earned under a program and the company still owes it: the accrued liability, one
     * account per payee, program and unit. Credited by accruals (pending until the period closes), debited
     * when the amount becomes payable and by reversals. It never goes below zero.
     */
    EARNINGS("earnings", Scope.PAYEE, EnumSet.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)),
    /** The company's incentive expense in a unit: debited by every accrual, credited by reversals. */
    INCENTIVE_EXPENSE("incentive_expense", Scope.COMPANY, EnumSet.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)),
    /**
     * Amounts approved for a payout run and not paid yet. Credited from earnings, debited when the payment
     * is made; it never goes below zero, so nothing is paid that was not made payable.
     */
    PAYABLE("payable", Scope.COMPANY, EnumSet.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)),
    /**
     * Money that left the books: credited when a payment is made (pending while the bank has not
     * confirmed it). The boundary to the outside world, so it has no constraint.
     */
    PAID("paid", Scope.COMPANY, EnumSet.noneOf(AccountFlag.class));

    /** Whose account it is: one per payee, program and unit, or one per unit for the company. */
    public enum Scope { PAYEE, COMPANY }

    private final String idPrefix;
    private final Scope scope;
    private final Set<AccountFlag> defaultFlags;

    AccountCode(String idPrefix, Scope scope, Set<AccountFlag> defaultFlags) {
        this.idPrefix = idPrefix;
        this.scope = scope;
        this.defaultFlags = defaultFlags;
    }

    public String idPrefix() {
        return idPrefix;
    }

    public Scope scope() {
        return scope;
    }

    /** The flags the chart gives accounts of this code. */
    public Set<AccountFlag> defaultFlags() {
        return defaultFlags.isEmpty() ? Set.of() : EnumSet.copyOf(defaultFlags);
    }

    /** The code whose id prefix is {@code prefix}, as stored. */
    public static AccountCode ofIdPrefix(String prefix) {
        for (AccountCode code : values()) {
            if (code.idPrefix.equals(prefix)) return code;
        }
        throw new IllegalArgumentException("unknown account code '" + prefix + "'");
    }
}
