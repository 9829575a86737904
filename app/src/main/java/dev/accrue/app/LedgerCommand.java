package dev.accrue.app;

import dev.accrue.postgres.Database;
import dev.accrue.postgres.DatabaseException;
import dev.accrue.postgres.ledger.LedgerStoreException;
import dev.accrue.postgres.ledger.LedgerVerification;
import dev.accrue.postgres.ledger.LedgerVerifier;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code accrue ledger}: jobs on the double-entry ledger. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Work with the double-entry ledger.",
        subcommands = LedgerCommand.Verify.class)
public final class LedgerCommand {

    /**
     * {@code accrue ledger verify [--db JDBC_URL] [--data DIR]}: recompute every balance from the transfers
     * and check the ledger's guarantees; exit 0 with a one-line summary, or 1 with each difference.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Recompute every balance from the transfers, check that debits equal credits in every unit and that every "
                    + "pending transfer is open or ended exactly once.",
                    "Exits 0 with a one-line summary, or 1 with one line per difference (2 if the database cannot be opened)."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions databaseOptions = new DatabaseOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LedgerVerification verification;
            try (Database database = databaseOptions.open()) {
                verification = new LedgerVerifier(database.dataSource()).verify();
            } catch (DatabaseException | LedgerStoreException e) {
                err.println("accrue ledger verify: " + e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
                return 2;
            }
            if (verification.isSound()) {
                out.println(verification.summary());
                return 0;
            }
            verification.differences().forEach(err::println);
            err.println(verification.summary());
            return 1;
        }
    }
}
