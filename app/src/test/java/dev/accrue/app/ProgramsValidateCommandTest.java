package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProgramsValidateCommandTest {
    @TempDir
    Path folder;

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void everyExampleProgramValidates() throws IOException {
        List<String> args = new ArrayList<>(List.of("programs", "validate"));
        try (Stream<Path> files = Files.list(ProgramsApiTest.EXAMPLES)) {
            files.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(file -> args.add(file.toString()));
        }
        Run run = run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(args.size() - 2).allMatch(line -> line.contains(": ok"));
    }

    @Test
    void aBrokenProgramExitsOneWithFileLineAndField() throws IOException {
        Path broken = folder.resolve("broken.yaml");
        Files.writeString(broken, "program: broken\nname: Broken\nkind: rebate\ncurrency: USD\nsurprise: 1\n");
        Run run = run("programs", "validate", broken.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(broken + ":5:").contains("surprise");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String[] command : List.of(new String[] {"demo", "--help"}, new String[] {"serve", "--help"},
                new String[] {"migrate", "--help"}, new String[] {"programs", "validate", "--help"},
                new String[] {"import", "partners", "--help"}, new String[] {"import", "events", "--help"}, new String[] {"simulate", "--help"}, new String[] {"ledger", "--help"})) {
            Run run = run(command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).contains("Usage:");
        }
    }

    @Test
    void migrateBringsAnExternalDatabaseUpToDate() {
        Run run = run("migrate", "--db", dev.accrue.postgres.TestDatabases.freshUrl());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("applied 0 migration(s)");
    }
}
