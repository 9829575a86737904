package dev.accrue.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code accrue} command line: one executable, a subcommand per job. */
@Command(name = "accrue", mixinStandardHelpOptions = true, version = "accrue 0.1.0",
        description = "Accrue: partner incentive programs as code.",
        subcommands = {DemoCommand.class, ServeCommand.class, MigrateCommand.class, ProgramsCommand.class, ImportCommand.class,
                SimulateCommand.class, LedgerCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
