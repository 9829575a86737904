package dev.accrue.app;

import dev.accrue.app.wiring.PostgresStores;
import dev.accrue.http.ApiKeys;
import dev.accrue.http.ApiServer;
import dev.accrue.http.port.Role;
import dev.accrue.http.port.Stores;
import dev.accrue.http.port.User;
import dev.accrue.postgres.Database;
import java.time.Clock;
import java.util.Optional;

/** The running application: the database, the stores on it, and the API on them. Closing stops both. */
final class Server implements AutoCloseable {
    static final String FIRST_ADMIN_NAME = "admin";

    private final Database database;
    private final Stores stores;
    private final ApiServer api;

    private Server(Database database, Stores stores, ApiServer api) {
        this.database = database;
        this.stores = stores;
        this.api = api;
    }

    static Server start(Database database, String host, int port, Clock clock) {
        Stores stores = PostgresStores.of(database);
        ApiServer api = ApiServer.start(host, port, stores, clock);
        return new Server(database, stores, api);
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
            database.close();
        }
    }
}
