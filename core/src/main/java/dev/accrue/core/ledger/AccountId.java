package dev.accrue.core.ledger;

import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import java.util.Objects;

/**
 * An account's id, chosen by the caller so that opening an account twice is a no-op. The chart
 * ({@link Chart}) derives ids from what the account is, {@code earnings:USD:rebate-2026:acme} or
 * {@code incentive_expense:USD}, so the engine can name an account without looking it up. The free-form
 * part (the payee) comes last, so a colon inside it cannot make two ids collide.
 */
public record AccountId(String value) implements Comparable<AccountId> {
    public static final int LENGTH_MAX = 256;

    public AccountId {
        Objects.requireNonNull(value, "value");
        LedgerText.requirePrintable(value, LENGTH_MAX, "an account id");
    }

    /** The id of a payee's earnings account under a program, in a unit. */
    public static AccountId earnings(Unit unit, ProgramId program, String payee) {
        return new AccountId(AccountCode.EARNINGS.idPrefix() + ":" + unit.code() + ":" + program.value() + ":" + payee);
    }

    /** The id of one of the company's own accounts in a unit. */
    public static AccountId company(AccountCode code, Unit unit) {
        if (code.scope() != AccountCode.Scope.COMPANY) throw new IllegalArgumentException(code + " is not a company account");
        return new AccountId(code.idPrefix() + ":" + unit.code());
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
