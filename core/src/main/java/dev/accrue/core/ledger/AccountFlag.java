package dev.accrue.core.ledger;

/**
 * Balance constraints checked on every write, as in TigerBeetle. Pending amounts count against the
 * limit on the side they reserve, but never fund it: a provisional earning cannot be paid out.
 */
public enum AccountFlag {
    /** {@code debitsPending + debitsPosted <= creditsPosted}: the account cannot go below zero (payable, earnings). */
    DEBITS_MUST_NOT_EXCEED_CREDITS,
    /** {@code creditsPending + creditsPosted <= debitsPosted}: the mirror image, for debit-normal accounts. */
    CREDITS_MUST_NOT_EXCEED_DEBITS
}
