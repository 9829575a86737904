package dev.accrue.app.wiring;

import dev.accrue.http.port.Books;
import dev.accrue.http.port.EventStore;
import dev.accrue.http.port.Stores;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.access.AccessRepository;
import dev.accrue.postgres.events.EventRepository;
import dev.accrue.postgres.partners.PartnerRepository;
import dev.accrue.postgres.programs.ProgramRepository;

/** Where the two adapters meet: the API's stores on PostgreSQL. */
public final class PostgresStores {
    private PostgresStores() {}

    public static Stores of(Database database, Books books) {
        return new Stores(
                new PostgresProgramStore(new ProgramRepository(database.jdbi())),
                new PostgresPartnerStore(new PartnerRepository(database.jdbi())),
                new PostgresAccessStore(new AccessRepository(database.jdbi())),
                events(database),
                books);
    }

    /** The event store alone, for what is built before the stores (the books replay the events). */
    public static EventStore events(Database database) {
        return new PostgresEventStore(new EventRepository(database.dataSource()));
    }
}
