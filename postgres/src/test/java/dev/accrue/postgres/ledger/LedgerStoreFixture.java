package dev.accrue.postgres.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountCode;
import dev.accrue.core.ledger.AccountResult;
import dev.accrue.core.ledger.Balance;
import dev.accrue.core.ledger.CreateTransferResult;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferCode;
import dev.accrue.core.ledger.TransferId;
import dev.accrue.core.ledger.TransferResult;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** A fresh database (from the project's {@link TestDatabases}) with the store, a verifier and a small chart in USD, for one test. */
final class LedgerStoreFixture implements AutoCloseable {
    static final Unit USD = Unit.of("USD");
    static final ProgramId REBATE = new ProgramId("rebate-2026");
    static final Account EXPENSE = Account.company(AccountCode.INCENTIVE_EXPENSE, USD);
    static final Account PAYABLE = Account.company(AccountCode.PAYABLE, USD);
    static final Account PAID = Account.company(AccountCode.PAID, USD);
    static final Account ACME = Account.earnings(USD, REBATE, "acme");
    static final Account BETA = Account.earnings(USD, REBATE, "beta");
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final Database database;
    final DataSource dataSource;
    final PostgresLedgerStore store;
    final LedgerVerifier verifier;

    LedgerStoreFixture() {
        database = TestDatabases.fresh();
        dataSource = database.dataSource();
        store = new PostgresLedgerStore(dataSource);
        verifier = new LedgerVerifier(dataSource);
        List<AccountResult> results = store.createAccounts(List.of(EXPENSE, PAYABLE, PAID, ACME, BETA));
        assertThat(results).allMatch(AccountResult::isSuccessful);
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

    static Transfer accrual(String id, Account payee, String amount, long minute) {
        return Transfer.pending(id(id), EXPENSE.id(), payee.id(), usd(amount), TransferCode.ACCRUAL, at(minute));
    }

    static Transfer move(String id, Account debit, Account credit, String amount, long minute) {
        return Transfer.singlePhase(id(id), debit.id(), credit.id(), usd(amount), TransferCode.ADJUSTMENT, at(minute));
    }

    List<CreateTransferResult> create(Transfer... transfers) {
        return store.createTransfers(List.of(transfers)).stream().map(TransferResult::result).toList();
    }

    Balance balance(Account account) {
        return store.balances(Set.of(account.id())).get(account.id());
    }

    long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
