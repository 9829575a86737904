package dev.accrue.app;

import dev.accrue.app.books.LiveBooks;
import dev.accrue.app.wiring.PostgresStores;
import dev.accrue.http.ApiKeys;
import dev.accrue.http.ApiServer;
import dev.accrue.http.port.Role;
import dev.accrue.http.port.Stores;
import dev.accrue.http.port.User;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.books.BooksRepository;
import dev.accrue.postgres.ledger.PostgresLedgerStore;
import dev.accrue.postgres.partners.PartnerRepository;
import dev.accrue.postgres.programs.ProgramRepository;
import java.time.Duration;
import java.time.Clock;
import java.util.Optional;

/** The running application: the database, the stores and the live books on it, and the API on them. Closing stops all. */
final class Server implements AutoCloseable {
    static final String FIRST_ADMIN_NAME = "admin";

    /**
     * How the books close periods by themselves.
     *
     * @param closeGrace how long after a period ends it is closed, so that late events still count in it
     * @param closeEvery how often the scheduler looks for periods to close
     */
    record BooksOptions(Duration closeGrace, Duration closeEvery) {
        static final BooksOptions DEFAULT = new BooksOptions(Duration.ofDays(3), Duration.ofMinutes(1));
    }

    private final Database database;
    private final Stores stores;
    private final LiveBooks books;
    private final ApiServer api;

    private Server(Database database, Stores stores, LiveBooks books, ApiServer api) {
        this.database = database;
        this.stores = stores;
        this.books = books;
        this.api = api;
    }

    static Server start(Database database, String host, int port, Clock clock) {
        return start(database, host, port, clock, BooksOptions.DEFAULT);
    }

    /** Starts the books first (they replay every stored event and book it), then the API. */
    static Server start(Database database, String host, int port, Clock clock, BooksOptions options) {
        LiveBooks books = new LiveBooks(PostgresStores.events(database),
                new PostgresLedgerStore(database.dataSource()), new BooksRepository(database.jdbi()),
                new ProgramRepository(database.jdbi()), new PartnerRepository(database.jdbi()), clock, options.closeGrace())
                .start(options.closeEvery());
        Stores stores = PostgresStores.of(database, books);
        ApiServer api = ApiServer.start(host, port, stores, clock);
        return new Server(database, stores, books, api);
    }

    /**
     * On a database without users, creates the first admin and returns its key (shown once): without it
     * nobody could call the API. Later starts return empty.
     */
    Optional<ApiKeys.Issued> bootstrapAdmin(Clock clock) {
        if (stores.access().userCount() > 0) return Optional.empty();
        User admin = stores.access().createUser(FIRST_ADMIN_NAME, Role.ADMIN, null, null, clock.instant());
        return Optional.of(ApiKeys.issue(stores.access(), admin.id(), "first admin", null, clock.instant()));
    }

    Stores stores() {
        return stores;
    }

    Database database() {
        return database;
    }

    java.util.List<String> routes() {
        return api.routes();
    }

    int port() {
        return api.port();
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            try {
                books.close();
            } finally {
                database.close();
            }
        }
    }
}
