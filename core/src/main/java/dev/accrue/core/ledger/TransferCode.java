package dev.accrue.core.ledger;

/**
 * Why money moved, stored with every transfer so that reports can tell an accrual from a payout on the
 * same account. Closed: a new reason is a change to this list and to {@code docs/ledger.md}.
 */
public enum TransferCode {
    /** An earning: incentive expense to a payee's earnings, usually pending until the period closes. */
    ACCRUAL,
    /** A true-up at period close: the difference between what was accrued and what was earned. */
    TRUE_UP,
    /** Takes back an earning after its period closed (a late return, a clawback): earnings to expense. */
    REVERSAL,
    /** Moves posted earnings into a payout run: earnings to payable. */
    PAYABLE,
    /** Pays a payable amount: payable to paid, pending until the bank confirms. */
    PAYOUT,
    /** A manual correction, always by a new transfer. */
    ADJUSTMENT
}
