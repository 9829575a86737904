package dev.accrue.app;

import dev.accrue.app.client.ApiClient;
import dev.accrue.app.client.PartnerFile;
import dev.accrue.app.client.PartnerImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accrue import}: load files into a running server through its API. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Load files into a running Accrue server through its API.",
        subcommands = ImportCommand.Partners.class)
final class ImportCommand {
    static final String KEY_VARIABLE = "ACCRUE_API_KEY";
    static final String URL_VARIABLE = "ACCRUE_URL";

    @Command(name = "partners", mixinStandardHelpOptions = true,
            description = {"Create or update partners from JSON lines (.jsonl) or CSV (.csv) through a running server's API.",
                    "A partner that exists gets a new version when it changed, nothing when it did not; parents load before their dealers.",
                    "CSV: a header row; columns id, name, type, tier, parent, effective_from; every other column is an attribute."})
    static final class Partners implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Partners as .jsonl or .csv.")
        Path file;

        @Option(names = "--url", paramLabel = "URL", description = "The server (default: $" + URL_VARIABLE + ", else http://localhost:8080).")
        String url;

        @Option(names = "--key", paramLabel = "KEY", description = "An API key of an admin or channel manager (default: $" + KEY_VARIABLE + ").")
        String key;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String apiKey = key != null ? key : System.getenv(KEY_VARIABLE);
            if (apiKey == null || apiKey.isBlank()) {
                err.println("accrue import partners: give an API key with --key or $" + KEY_VARIABLE);
                return 2;
            }
            String serverUrl = url != null ? url : System.getenv().getOrDefault(URL_VARIABLE, "http://localhost:8080");
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
                outcome = new PartnerImporter(new ApiClient(serverUrl, apiKey)).load(rows, file.toString());
            } catch (ApiClient.ApiUnreachable e) {
                err.println("accrue import partners: " + e.getMessage() + " (is 'accrue serve' running? --url)");
                return 2;
            }
            outcome.failures().forEach(err::println);
            out.println(file + ": " + outcome.created() + " created, " + outcome.changed() + " changed, "
                    + outcome.unchanged() + " unchanged, " + outcome.failures().size() + " refused");
            return outcome.failures().isEmpty() ? 0 : 1;
        }
    }
}
