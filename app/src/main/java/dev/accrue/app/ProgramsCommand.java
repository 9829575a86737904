package dev.accrue.app;

import dev.accrue.core.program.ParseResult;
import dev.accrue.core.program.ProgramError;
import dev.accrue.core.program.ProgramParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accrue programs}: work with program files. */
@Command(name = "programs", mixinStandardHelpOptions = true, description = "Work with program files.",
        subcommands = ProgramsCommand.Validate.class)
public final class ProgramsCommand {
    /** {@code accrue programs validate FILE…}: type-check programs; one line per fault, exit 1 on any. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Type-check program files; print file:line:column: field: message for each fault.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Program files (YAML or JSON).")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int faults = 0;
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    faults++;
                    continue;
                }
                ParseResult result = ProgramParser.parse(text, file.toString());
                if (result.ok()) {
                    out.println(file + ": ok (" + result.program().id() + ", " + result.program().kind().code() + ")");
                } else {
                    result.errors().stream().map(ProgramError::format).forEach(err::println);
                    faults += result.errors().size();
                }
            }
            if (faults > 0) err.println(faults + " fault(s); fix them and validate again");
            return faults == 0 ? 0 : 1;
        }
    }
}
