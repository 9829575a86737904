package dev.accrue.app.simulate;

import dev.accrue.core.engine.ProgramVersion;
import dev.accrue.core.engine.Simulation;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.partner.PartnerBatch;
import dev.accrue.core.partner.PartnerParser;
import dev.accrue.core.program.ParseResult;
import dev.accrue.core.program.ProgramError;
import dev.accrue.core.program.ProgramParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files a simulation reads: programs (parsed and checked up front), partners, and the events file (streamed). */
public final class SimulationInputs {
    /** Bad input: nothing was simulated; {@code faults} says what is wrong, one line each. */
    public static final class InvalidInput extends Exception {
        private final List<String> faults;

        InvalidInput(String message, List<String> faults) {
            super(message);
            this.faults = List.copyOf(faults);
        }

        public List<String> faults() {
            return faults;
        }
    }

    private final List<ProgramVersion> programs;
    private final Map<String, Partner> partners;
    private final Path events;

    private SimulationInputs(List<ProgramVersion> programs, Map<String, Partner> partners, Path events) {
        this.programs = programs;
        this.partners = partners;
        this.events = events;
    }

    public static SimulationInputs load(List<Path> programPaths, Path partnersFile, Path eventsFile) throws InvalidInput {
        List<ProgramVersion> programs = loadPrograms(programPaths);
        Map<String, Partner> partners = loadPartners(partnersFile);
        requireReadable(eventsFile, "events");
        return new SimulationInputs(programs, partners, eventsFile);
    }

    public SimulationInputs withPrograms(List<Path> programPaths) throws InvalidInput {
        return new SimulationInputs(loadPrograms(programPaths), partners, events);
    }

    public Simulation.Result run(LocalDate through) throws InvalidInput {
        EventFile file = new EventFile(events);
        Simulation.Result result = Simulation.run(programs, partners::get, file, through);
        if (file.errorCount > 0) {
            List<String> faults = file.errors.stream().map(error -> events + ":" + error.format()).toList();
            throw new InvalidInput(file.errorCount + " invalid event line(s) in " + events + "; nothing was simulated", faults);
        }
        return result;
    }

    private static List<ProgramVersion> loadPrograms(List<Path> paths) throws InvalidInput {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(SimulationInputs::isProgramFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new InvalidInput("cannot read the folder " + path + ": " + e.getMessage(), List.of());
                }
            } else {
                requireReadable(path, "program");
                files.add(path);
            }
        }
        if (files.isEmpty()) throw new InvalidInput("no program files (*.yaml, *.yml, *.json) in " + paths, List.of());
        List<String> faults = new ArrayList<>();
        Map<String, Integer> versions = new HashMap<>();
        List<dev.accrue.core.program.Program> parsed = new ArrayList<>();
        for (Path file : files) {
            ParseResult result = ProgramParser.parse(read(file), file.toString());
            if (!result.ok()) {
                result.errors().stream().map(ProgramError::format).forEach(faults::add);
                continue;
            }
            parsed.add(result.program());
        }
        if (!faults.isEmpty()) throw new InvalidInput("the programs do not validate; nothing was simulated", faults);
        // Several files with one program id are its versions, in order of their effective date.
        parsed.sort(java.util.Comparator.comparing((dev.accrue.core.program.Program p) -> p.id())
                .thenComparing(p -> p.effective().from()));
        List<ProgramVersion> programs = new ArrayList<>();
        for (dev.accrue.core.program.Program program : parsed) {
            programs.add(new ProgramVersion(program, versions.merge(program.id().value(), 1, Integer::sum)));
        }
        return programs;
    }

    private static Map<String, Partner> loadPartners(Path file) throws InvalidInput {
        requireReadable(file, "partners");
        PartnerBatch batch;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            batch = new PartnerParser().readAll(reader);
        } catch (IOException e) {
            throw new InvalidInput("cannot read " + file + ": " + e.getMessage(), List.of());
        }
        if (!batch.errors().isEmpty()) {
            throw new InvalidInput("invalid partner line(s) in " + file + "; nothing was simulated",
                    batch.errors().stream().map(error -> file + ":" + error.format()).toList());
        }
        Map<String, Partner> partners = new HashMap<>();
        batch.partners().forEach(partner -> partners.put(partner.id(), partner));
        return partners;
    }

    private static boolean isProgramFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static void requireReadable(Path path, String what) throws InvalidInput {
        if (!Files.isReadable(path)) throw new InvalidInput("cannot read the " + what + " file " + path, List.of());
    }

    private static String read(Path file) throws InvalidInput {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInput("cannot read " + file + ": " + e.getMessage(), List.of());
        }
    }
}
