package dev.accrue.app;

import dev.accrue.app.simulate.SimulationInputs;
import dev.accrue.app.simulate.SimulationReport;
import dev.accrue.core.engine.Simulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accrue simulate}: the engine in memory over files, every period closed through a date, the result printed. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run the engine in memory over program, partner and event files and print what each partner earned.",
                "Periods that end on or before --through are closed (gates judged, tiers trued up); later ones are shown as open."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--programs", required = true, arity = "1..*", paramLabel = "DIR|FILE",
            description = "Program files (YAML or JSON) or folders of them.")
    List<Path> programs;

    @Option(names = "--partners", required = true, paramLabel = "FILE", description = "Partners, one JSON object per line.")
    Path partners;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Events, one JSON object per line.")
    Path events;

    @Option(names = "--through", paramLabel = "DATE", description = "Close every period that ends on or before this date (default: the last event's date).")
    String through;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|table", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--compare", arity = "1..*", paramLabel = "DIR|FILE",
            description = "Other program files: run both and print the difference per program and partner.")
    List<Path> compare;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("json") && !format.equals("table")) {
            err.println("accrue simulate: --format is json or table, got '" + format + "'");
            return 2;
        }
        LocalDate throughDate;
        try {
            throughDate = through == null ? null : LocalDate.parse(through);
        } catch (DateTimeParseException e) {
            err.println("accrue simulate: --through is a date like 2026-03-31, got '" + through + "'");
            return 2;
        }
        try {
            SimulationInputs inputs = SimulationInputs.load(programs, partners, events);
            Simulation.Result result = inputs.run(throughDate);
            if (compare == null) {
                SimulationReport.print(result, format, out);
            } else {
                SimulationInputs other = inputs.withPrograms(compare);
                SimulationReport.printComparison(result, other.run(throughDate), format, out);
            }
            out.flush();
            return 0;
        } catch (SimulationInputs.InvalidInput invalid) {
            invalid.faults().forEach(err::println);
            err.println("accrue simulate: " + invalid.getMessage());
            return 1;
        }
    }
}
