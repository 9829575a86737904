package dev.accrue.core.ledger;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import java.time.Instant;
import java.util.List;

/** A small chart in USD for the ledger's unit tests: two payees under one program, and the company. */
final class LedgerFixture {
    static final Unit USD = Unit.of("USD");
    static final Unit POINTS = Unit.of("points");
    static final ProgramId REBATE = new ProgramId("rebate-2026");
    static final Account EXPENSE = Account.company(AccountCode.INCENTIVE_EXPENSE, USD);
    static final Account PAYABLE = Account.company(AccountCode.PAYABLE, USD);
    static final Account PAID = Account.company(AccountCode.PAID, USD);
    static final Account ACME = Account.earnings(USD, REBATE, "acme");
    static final Account BETA = Account.earnings(USD, REBATE, "beta");
    static final Account ACME_POINTS = Account.earnings(POINTS, REBATE, "acme");
    static final Account EXPENSE_POINTS = Account.company(AccountCode.INCENTIVE_EXPENSE, POINTS);
    static final List<Account> ALL = List.of(EXPENSE, PAYABLE, PAID, ACME, BETA, ACME_POINTS, EXPENSE_POINTS);
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private LedgerFixture() {}

    static InMemoryLedgerStore store() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        store.createAccounts(ALL);
        return store;
    }

    static Money usd(String amount) {
        return Money.parse(amount, USD);
    }

    static TransferId id(String value) {
        return new TransferId(value);
    }

    static Instant at(long minutesAfterT0) {
        return T0.plusSeconds(minutesAfterT0 * 60);
    }

    /** A pending accrual of {@code amount} to {@code payee}. */
    static Transfer accrual(String id, Account payee, String amount, long minute) {
        return Transfer.pending(id(id), EXPENSE.id(), payee.id(), usd(amount), TransferCode.ACCRUAL, at(minute));
    }

    /** A single-phase transfer of {@code amount}. */
    static Transfer move(String id, Account debit, Account credit, String amount, long minute) {
        return Transfer.singlePhase(id(id), debit.id(), credit.id(), usd(amount), TransferCode.ADJUSTMENT, at(minute));
    }
}
