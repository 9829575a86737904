package dev.accrue.http.port;

import dev.accrue.core.event.Event;
import java.util.List;

/**
 * The books kept from the events: live (pending) earnings, period close, and what finance and partners
 * read. The API hands every newly stored event to {@link #added}; the application books them on the
 * ledger.
 */
public interface Books {
    /** Called after events are stored durably: the engine takes them and books their earnings. */
    void added(List<Event> events);

    /** No books: events are stored and nothing is booked (tests of the API alone). */
    Books NONE = events -> {};
}
