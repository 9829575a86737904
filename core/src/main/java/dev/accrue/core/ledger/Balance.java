package dev.accrue.core.ledger;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import java.util.Objects;

/**
 * An account's four running totals, as TigerBeetle keeps them. Each only grows, except the pending
 * ones, which shrink when a pending transfer is posted, voided or expires. All are minor units, never
 * negative.
 */
public record Balance(AccountId accountId, Unit unit, long debitsPendingMinor, long debitsPostedMinor,
                      long creditsPendingMinor, long creditsPostedMinor) {
    public Balance {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(unit, "unit");
        if (debitsPendingMinor < 0 || debitsPostedMinor < 0 || creditsPendingMinor < 0 || creditsPostedMinor < 0) {
            throw new IllegalArgumentException("balance totals are never negative: " + accountId);
        }
    }

    public static Balance zero(AccountId accountId, Unit unit) {
        return new Balance(accountId, unit, 0, 0, 0, 0);
    }

    public Money debitsPending() {
        return new Money(debitsPendingMinor, unit);
    }

    public Money debitsPosted() {
        return new Money(debitsPostedMinor, unit);
    }

    public Money creditsPending() {
        return new Money(creditsPendingMinor, unit);
    }

    public Money creditsPosted() {
        return new Money(creditsPostedMinor, unit);
    }

    /** Posted credits less posted debits: what a credit-normal account (earnings, payable) holds. */
    public Money creditBalancePosted() {
        return new Money(Math.subtractExact(creditsPostedMinor, debitsPostedMinor), unit);
    }

    /** Posted debits less posted credits: what a debit-normal account (incentive expense) holds. */
    public Money debitBalancePosted() {
        return new Money(Math.subtractExact(debitsPostedMinor, creditsPostedMinor), unit);
    }

    /** Whether the totals satisfy the account's balance constraints. */
    public boolean satisfies(AccountFlag flag) {
        return switch (flag) {
            case DEBITS_MUST_NOT_EXCEED_CREDITS -> debitsPendingMinor + debitsPostedMinor <= creditsPostedMinor;
            case CREDITS_MUST_NOT_EXCEED_DEBITS -> creditsPendingMinor + creditsPostedMinor <= debitsPostedMinor;
        };
    }

    @Override
    public String toString() {
        return accountId + " [debits pending " + debitsPendingMinor + ", posted " + debitsPostedMinor
                + "; credits pending " + creditsPendingMinor + ", posted " + creditsPostedMinor + " " + unit + " minor]";
    }
}
