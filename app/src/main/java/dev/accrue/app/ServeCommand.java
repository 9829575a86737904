package dev.accrue.app;

import dev.accrue.postgres.DatabaseException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code accrue serve}: the API server on the embedded database, or on an existing one with --db. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Accrue server: the REST API under /api/v1 on the embedded PostgreSQL (its files in --data) "
                + "or an existing one (--db). Migrates the database first. Stop it with Ctrl+C.",
                "On a database without users it creates the first admin and prints its API key once."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--close-grace", paramLabel = "DURATION", defaultValue = "P3D",
            description = "Close each period this long after it ends (ISO-8601, default: ${DEFAULT-VALUE}); events for a closed period become adjustments.")
    java.time.Duration closeGrace;

    @Option(names = "--close-every", paramLabel = "DURATION", defaultValue = "PT1M",
            description = "How often to look for periods to close (ISO-8601, default: ${DEFAULT-VALUE}).")
    java.time.Duration closeEvery;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        Server server;
        try {
            server = Server.start(database.open(), host, port, clock, new Server.BooksOptions(closeGrace, closeEvery));
        } catch (DatabaseException e) {
            err.println("accrue serve: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("accrue serve: could not start the server: " + e.getMessage());
            return 2;
        }
        out.println("Accrue is listening on http://" + displayHost(host) + ":" + server.port() + "/api/v1 ("
                + server.database().description() + ")");
        server.bootstrapAdmin(clock).ifPresent(issued -> {
            out.println("This database had no users: created user '" + Server.FIRST_ADMIN_NAME + "' (role admin).");
            out.println("Its API key, shown only this once: " + issued.text());
        });
        out.flush();
        awaitShutdown(server);
        return 0;
    }

    static String displayHost(String host) {
        return host.equals("127.0.0.1") || host.equals("0.0.0.0") ? "localhost" : host;
    }

    /** Blocks until the JVM is asked to stop (Ctrl+C, SIGTERM), then closes the server and the database. */
    static void awaitShutdown(Server server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "accrue-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
