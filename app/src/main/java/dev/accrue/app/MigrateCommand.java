package dev.accrue.app;

import dev.accrue.postgres.Database;
import dev.accrue.postgres.DatabaseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code accrue migrate}: bring the database's schema up to date, and stop. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the schema migrations the database lacks (serve and demo do this at start too), then exit.")
final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() {
        try (Database opened = database.open()) {
            Database.Migrations migrations = opened.migrations();
            spec.commandLine().getOut().println(opened.description() + ": applied " + migrations.applied()
                    + " migration(s); schema version " + migrations.schemaVersion());
            return 0;
        } catch (DatabaseException e) {
            spec.commandLine().getErr().println("accrue migrate: " + e.getMessage());
            return 2;
        }
    }
}
