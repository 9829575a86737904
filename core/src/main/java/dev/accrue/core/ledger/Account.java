package dev.accrue.core.ledger;

import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An account: immutable once created. Payee accounts name their program and payee; the company's own
 * have neither. Balances live apart ({@link Balance}) because they change and the account does not.
 *
 * @param program the program of a payee account, {@code null} for a company account
 * @param payee the payee (a partner or a partner's rep) of a payee account, {@code null} for a company account
 */
public record Account(AccountId id, AccountCode code, Unit unit, ProgramId program, String payee, Set<AccountFlag> flags) {
    public static final int PAYEE_LENGTH_MAX = 128;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unit, "unit");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (flags.containsAll(EnumSet.allOf(AccountFlag.class))) {
            throw new IllegalArgumentException("account " + id + ": debits and credits cannot both be limited by the other side");
        }
        switch (code.scope()) {
            case PAYEE -> {
                Objects.requireNonNull(program, "a payee account names its program");
                Objects.requireNonNull(payee, "a payee account names its payee");
                LedgerText.requirePrintable(payee, PAYEE_LENGTH_MAX, "a payee");
            }
            case COMPANY -> {
                if (program != null || payee != null) {
                    throw new IllegalArgumentException("company account " + id + " names no program or payee");
                }
            }
        }
    }

    /** A payee's earnings account under a program, with the chart's id and flags. */
    public static Account earnings(Unit unit, ProgramId program, String payee) {
        return new Account(AccountId.earnings(unit, program, payee), AccountCode.EARNINGS, unit, program, payee,
                AccountCode.EARNINGS.defaultFlags());
    }

    /** One of the company's own accounts in a unit, with the chart's id and flags. */
    public static Account company(AccountCode code, Unit unit) {
        return new Account(AccountId.company(code, unit), code, unit, null, null, code.defaultFlags());
    }

    public boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }
}
