package dev.accrue.app;

import dev.accrue.app.client.ApiClient;
import dev.accrue.app.client.EventFile;
import dev.accrue.app.client.EventImporter;
import dev.accrue.app.client.PartnerFile;
import dev.accrue.app.client.PartnerImporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accrue import}: load files into a running server through its API. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Load files into a running Accrue server through its API.",
        subcommands = {ImportCommand.Partners.class, ImportCommand.Events.class})
final class ImportCommand {

    @Command(name = "partners", mixinStandardHelpOptions = true,
            description = {"Create or update partners from JSON lines (.jsonl) or CSV (.csv) through a running server's API.",
                    "A partner that exists gets a new version when it changed, nothing when it did not; parents load before their dealers.",
                    "CSV: a header row; columns id, name, type, tier, parent, effective_from; every other column is an attribute."})
    static final class Partners implements Callable<Integer> {
        private static final String COMMAND = "accrue import partners";

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Partners as .jsonl or .csv.")
        Path file;

        @Mixin
        ServerOptions server = new ServerOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ApiClient client = server.client(COMMAND, err);
            if (client == null) return 2;
            List<PartnerFile.Row> rows;
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                rows = PartnerFile.read(text, file.toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                return 2;
            } catch (PartnerFile.BadLine e) {
                err.println(file + ":" + e.line() + ": " + e.getMessage());
                return 1;
            }
            PartnerImporter.Outcome outcome;
            try {
                outcome = new PartnerImporter(client).load(rows, file.toString());
            } catch (ApiClient.ApiUnreachable e) {
                err.println(ServerOptions.unreachable(COMMAND, e));
                return 2;
            }
            outcome.failures().forEach(err::println);
            out.println(file + ": " + outcome.created() + " created, " + outcome.changed() + " changed, "
                    + outcome.unchanged() + " unchanged, " + outcome.failures().size() + " refused");
            return outcome.failures().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true,
            description = {"Send events from JSON lines (.jsonl) or CSV (.csv) to a running server's API, in batches of up to 10,000.",
                    "Prints the counts, and FILE:LINE: reason for every event refused (exit 1 if any).",
                    "Events whose partner is not known yet are kept (held) and evaluated once it is.",
                    "CSV: a header row; columns id, type, occurred_at, partner are the event's, any other is a data field",
                    "(data.a.b for nested ones); --map COLUMN=FIELD renames, --map COLUMN= leaves a column out."})
    static final class Events implements Callable<Integer> {
        private static final String COMMAND = "accrue import events";

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Events as .jsonl (one event per line, as in the API) or .csv.")
        Path file;

        @Option(names = "--map", paramLabel = "COLUMN=FIELD", description = "CSV: the field a column fills, e.g. --map net=net_amount --map when=occurred_at.")
        List<String> map = new java.util.ArrayList<>();

        @Mixin
        ServerOptions server = new ServerOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ApiClient client = server.client(COMMAND, err);
            if (client == null) return 2;
            boolean csv = file.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
            if (!csv && !map.isEmpty()) {
                err.println("accrue import events: --map is for CSV files; " + file + " is read as JSON lines");
                return 1;
            }
            EventImporter importer = new EventImporter(client, file.toString());
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                if (csv) EventFile.csv(reader, EventFile.mapping(map), importer::add);
                else EventFile.jsonLines(reader, importer::add);
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                return 2;
            } catch (EventFile.BadFile e) {
                err.println(file + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
                return 1;
            } catch (ApiClient.ApiUnreachable e) {
                err.println(ServerOptions.unreachable(COMMAND, e));
                return 2;
            }
            EventImporter.Outcome outcome;
            try {
                outcome = importer.finish();
            } catch (ApiClient.ApiUnreachable e) {
                err.println(ServerOptions.unreachable(COMMAND, e));
                return 2;
            }
            outcome.failures().forEach(err::println);
            if (outcome.stoppedBy() != null) err.println(file + ": stopped: " + outcome.stoppedBy());
            out.println(file + ": " + outcome.counts());
            return outcome.ok() ? 0 : 1;
        }
    }
}
