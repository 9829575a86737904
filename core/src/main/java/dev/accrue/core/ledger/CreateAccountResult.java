package dev.accrue.core.ledger;

/** The outcome of creating one account. Accounts are immutable, so a retry is a no-op or a refusal. */
public enum CreateAccountResult {
    OK,
    /** An account with this id exists with exactly this content. */
    EXISTS,
    /** An account with this id exists with another code, unit, program, payee or flags: refused. */
    EXISTS_WITH_DIFFERENT_FIELDS;

    public boolean isSuccess() {
        return this == OK || this == EXISTS;
    }
}
