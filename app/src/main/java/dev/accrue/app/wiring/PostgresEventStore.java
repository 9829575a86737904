package dev.accrue.app.wiring;

import dev.accrue.core.event.Event;
import dev.accrue.http.port.EventStore;
import dev.accrue.postgres.events.EventRepository;
import java.util.List;
import java.util.function.Consumer;

/** The API's event store on the PostgreSQL repository. */
final class PostgresEventStore implements EventStore {
    private final EventRepository repository;

    PostgresEventStore(EventRepository repository) {
        this.repository = repository;
    }

    @Override
    public Outcome store(List<Event> events, List<String> sent) {
        return outcome(repository.store(events, sent, false));
    }

    @Override
    public Outcome storeAllOrNothing(List<Event> events, List<String> sent) {
        return outcome(repository.store(events, sent, true));
    }

    private static Outcome outcome(EventRepository.Stored stored) {
        return new Outcome(stored.added(), stored.duplicates(), stored.conflicts());
    }

    @Override
    public void forEachInOrder(Consumer<Event> sink) {
        repository.forEachInOrder(sink);
    }

    @Override
    public long count() {
        return repository.count();
    }
}
