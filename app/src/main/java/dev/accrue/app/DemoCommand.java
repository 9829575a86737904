package dev.accrue.app;

import dev.accrue.app.client.ApiClient;
import dev.accrue.app.demo.DemoActivity;
import dev.accrue.app.demo.DemoLoader;
import dev.accrue.app.demo.DemoUsers;
import dev.accrue.http.port.Role;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.DatabaseException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accrue demo}: the server on the embedded database, with demo partners, the example programs, a year of activity and a key per role. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the server on the embedded database with demo partners, every example program, a year (2026, up to today) "
                + "of generated activity and one user per role, "
                + "and print the URL and an API key for each role. Stop it with Ctrl+C.",
                "Restarting on the same --data folder adds nothing twice; the demo keys are replaced by new ones (keys are stored hashed)."})
final class DemoCommand implements Callable<Integer> {
    static final Path DEFAULT_DATA = Path.of(System.getProperty("user.home"), ".accrue", "demo");

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "The demo database's folder (default: ~/.accrue/demo).")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        Server server;
        try {
            server = Server.start(Database.embedded(data != null ? data : DEFAULT_DATA), "127.0.0.1", port, clock);
        } catch (DatabaseException e) {
            err.println("accrue demo: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("accrue demo: could not start the server: " + e.getMessage());
            return 2;
        }
        String url = "http://localhost:" + server.port();
        Map<Role, String> keys = DemoUsers.ensure(server.stores().access(), clock);
        Instant now = clock.instant();
        DemoLoader.Loaded loaded = new DemoLoader(new ApiClient(url, keys.get(Role.ADMIN))).load(now);
        loaded.refused().forEach(line -> err.println("accrue demo: not loaded: " + line));
        out.println("Accrue demo is running at " + url + "/api/v1 (" + server.database().description() + ")");
        out.println("Partners: " + loaded.partners().created() + " created, " + (loaded.partners().changed() + loaded.partners().unchanged())
                + " already there. Programs: " + loaded.programsCreated() + " new versions, " + loaded.programsUnchanged() + " unchanged.");
        DemoLoader.Activity activity = loaded.activity();
        out.println("Activity: " + activity.sent() + " events of " + DemoActivity.YEAR + " up to " + LocalDate.ofInstant(now, ZoneOffset.UTC)
                + " (" + activity.added() + " new, " + activity.duplicates() + " already there); the books take them in the background.");
        out.println();
        out.println("API keys (new at every start; the previous demo keys are revoked):");
        keys.forEach((role, key) -> out.println("  " + role.wireName() + (role == Role.PARTNER ? " (" + DemoUsers.PARTNER_ID + ")" : "") + ": " + key));
        out.println();
        out.println("Try:");
        out.println("  curl -s " + url + "/api/v1/health");
        out.println("  curl -s -H 'Authorization: Bearer " + keys.get(Role.CHANNEL_MANAGER) + "' " + url + "/api/v1/partners");
        out.println("  curl -s -H 'Authorization: Bearer " + keys.get(Role.PARTNER) + "' " + url + "/api/v1/partners/" + DemoUsers.PARTNER_ID);
        out.println("  curl -s -H 'Authorization: Bearer " + keys.get(Role.PARTNER) + "' " + url + "/api/v1/earnings");
        out.println("  curl -s -H 'Authorization: Bearer " + keys.get(Role.FINANCE) + "' " + url + "/api/v1/books/status");
        out.println("Stop with Ctrl+C.");
        out.flush();
        ServeCommand.awaitShutdown(server);
        return 0;
    }
}
