package dev.accrue.core.ledger;

/**
 * The outcome of creating one transfer, after TigerBeetle's result codes. Only {@link #OK} changes the
 * ledger; {@link #EXISTS} is the no-op answer to a retry. Codes are listed in the order they are checked.
 */
public enum CreateTransferResult {
    OK,
    /** Another transfer of the same linked chain failed, so this one was not applied either. */
    LINKED_EVENT_FAILED,
    /** The batch ended inside a linked chain: its last transfer has the linked flag. */
    LINKED_EVENT_CHAIN_OPEN,

    AMOUNT_MUST_BE_POSITIVE,
    ACCOUNTS_MUST_BE_DIFFERENT,
    PENDING_ID_MUST_BE_ABSENT,
    PENDING_ID_REQUIRED,
    PENDING_ID_MUST_BE_DIFFERENT,
    TIMEOUT_RESERVED_FOR_PENDING_TRANSFER,
    TIMEOUT_OUT_OF_RANGE,

    /** A transfer with this id exists with exactly this content: nothing was done, the original is returned. */
    EXISTS,
    /** A transfer with this id exists with other content: refused, the original is returned. */
    EXISTS_WITH_DIFFERENT_FIELDS,

    DEBIT_ACCOUNT_NOT_FOUND,
    CREDIT_ACCOUNT_NOT_FOUND,
    ACCOUNTS_MUST_HAVE_SAME_UNIT,
    TRANSFER_MUST_HAVE_SAME_UNIT_AS_ACCOUNTS,

    PENDING_TRANSFER_NOT_FOUND,
    PENDING_TRANSFER_NOT_PENDING,
    PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT,
    PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT,
    EXCEEDS_PENDING_TRANSFER_AMOUNT,
    PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
    PENDING_TRANSFER_ALREADY_POSTED,
    PENDING_TRANSFER_ALREADY_VOIDED,
    PENDING_TRANSFER_EXPIRED,
    TIMESTAMP_BEFORE_PENDING_TRANSFER,

    OVERFLOWS_DEBITS,
    OVERFLOWS_CREDITS,
    /** The debit would take the account's debits past its posted credits. */
    EXCEEDS_CREDITS,
    /** The credit would take the account's credits past its posted debits. */
    EXCEEDS_DEBITS;

    /** Whether the transfer is in the ledger after this result: created now or earlier with the same content. */
    public boolean isSuccess() {
        return this == OK || this == EXISTS;
    }
}
