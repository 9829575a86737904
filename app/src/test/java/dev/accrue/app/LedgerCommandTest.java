package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountCode;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferCode;
import dev.accrue.core.ledger.TransferId;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.ledger.PostgresLedgerStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LedgerCommandTest {
    private static final Unit USD = Unit.of("USD");
    private static final Account EXPENSE = Account.company(AccountCode.INCENTIVE_EXPENSE, USD);
    private static final Account ACME = Account.earnings(USD, new ProgramId("rebate-2026"), "acme");

    @TempDir
    Path data;

    private record Run(int exitCode, String out, String err) {}

    private Run verify() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new LedgerCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute("verify", "--data", data.toString());
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void verifyPassesWithASummaryAndThenReportsABalanceAlteredBySql() throws Exception {
        try (Database database = Database.embedded(data)) {
            PostgresLedgerStore store = new PostgresLedgerStore(database.dataSource());
            store.createAccounts(List.of(EXPENSE, ACME));
            store.createTransfers(List.of(Transfer.singlePhase(new TransferId("t1"), EXPENSE.id(), ACME.id(), Money.parse("12.34", USD),
                    TransferCode.ACCRUAL, Instant.parse("2026-03-01T00:00:00Z"))));
        }

        Run sound = verify();

        assertThat(sound.exitCode()).isZero();
        assertThat(sound.out()).isEqualTo("ledger verified: 2 accounts, 1 transfers, debits equal credits in 1 unit(s) [USD];"
                + " pending transfers: 0 open, 0 posted, 0 voided, 0 expired" + System.lineSeparator());

        try (Database database = Database.embedded(data); Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE ledger_balances SET credits_posted_minor = 1 WHERE account_id = '" + ACME.id() + "'");
        }

        Run tampered = verify();

        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.err()).contains("balance of earnings:USD:rebate-2026:acme: stored debits pending 0, posted 0, credits pending 0, posted 1;"
                + " the transfers give 0, 0, 0, 1234").contains("ledger NOT verified, 2 difference(s)");
    }
}
