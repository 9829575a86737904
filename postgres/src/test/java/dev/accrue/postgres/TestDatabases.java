package dev.accrue.postgres;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scratch PostgreSQL per test JVM, migrated once into a template database; each call of
 * {@link #fresh()} copies the template into a new database (a few tens of milliseconds), so every test
 * class starts empty and nothing has to be cleaned up. The server stops when the JVM exits.
 */
public final class TestDatabases {
    public static final int POOL_SIZE = 4;
    private static final String TEMPLATE = "accrue_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedServer server;

    private TestDatabases() {}

    /** A new, migrated, empty database; close it when done to return its connections. */
    public static Database fresh() {
        EmbeddedServer shared = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        org.jdbi.v3.core.Jdbi.create(shared.jdbcUrl("postgres"))
                .useHandle(handle -> handle.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE));
        return Database.onServer(shared, name, POOL_SIZE, false);
    }

    /** The JDBC URL of a new, migrated, empty database (for code that opens its own pool, e.g. the command line). */
    public static String freshUrl() {
        EmbeddedServer shared = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        org.jdbi.v3.core.Jdbi.create(shared.jdbcUrl("postgres"))
                .useHandle(handle -> handle.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE));
        return shared.jdbcUrl(name);
    }

    private static synchronized EmbeddedServer server() {
        if (server == null) {
            EmbeddedServer started = EmbeddedServer.scratch();
            Database.ensureDatabase(started, TEMPLATE);
            try (Database template = Database.onServer(started, TEMPLATE, 2, true)) {
                // Migrated; closing returns the connection so the template can be copied.
            }
            server = started;
        }
        return server;
    }
}
