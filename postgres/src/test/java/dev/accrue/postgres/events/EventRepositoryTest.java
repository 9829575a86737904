package dev.accrue.postgres.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.core.event.Event;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.TestDatabases;
import dev.accrue.testkit.Events;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventRepositoryTest {
    private static Database database;
    private static EventRepository events;
    private static int next;

    @BeforeAll
    static void open() {
        database = TestDatabases.fresh();
        events = new EventRepository(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** An id no other test uses. */
    private static String id(String name) {
        return name + "-" + (++next);
    }

    private static Event sale(String id, String amount) {
        return Events.sale(id).partner("dist-a").at("2026-01-10T15:00:00Z").amount(amount).build();
    }

    private static List<Event> replayed() {
        List<Event> all = new ArrayList<>();
        events.forEachInOrder(all::add);
        return all;
    }

    @Test
    void newEventsAreAddedAndReadBackExactly() {
        Event sale = Events.sale(id("new")).partner("dist-a").at("2026-01-10T15:00:00.123456789Z").amount("60000.50")
                .family("pumps").quantity(6).serials("S1", "S2").build();
        EventRepository.Stored stored = events.store(List.of(sale), false);
        assertThat(stored.added()).containsExactly(sale);
        assertThat(stored.duplicates()).isEmpty();
        assertThat(stored.conflicts()).isEmpty();
        Event back = replayed().stream().filter(event -> event.id().equals(sale.id())).findFirst().orElseThrow();
        assertThat(back).isEqualTo(sale);
        assertThat(((BigDecimal) back.data().get("net_amount")).scale()).isEqualTo(2);
    }

    @Test
    void textBeyondAsciiIsStoredAndReadBackAsSent() {
        Event event = Events.sale(id("zürich-\uD83D\uDE00")).partner("händler-ö").at("2026-01-10T15:00:00Z").amount("1.00")
                .customer("Ω \t\\ \"quoted\"").build();
        assertThat(events.store(List.of(event), false).added()).containsExactly(event);
        assertThat(replayed()).contains(event);
        String partner = database.jdbi().withHandle(handle -> handle.createQuery("SELECT partner_id FROM events WHERE id = :id")
                .bind("id", event.id()).mapTo(String.class).one());
        assertThat(partner).isEqualTo("händler-ö");
    }

    @Test
    void theSameEventSentAgainIsADuplicateAndStoredOnce() {
        Event sale = sale(id("again"), "10.00");
        events.store(List.of(sale), false);
        long count = events.count();
        EventRepository.Stored again = events.store(List.of(sale), false);
        assertThat(again.added()).isEmpty();
        assertThat(again.duplicates()).containsExactly(sale.id());
        assertThat(events.count()).isEqualTo(count);
    }

    @Test
    void aStoredIdWithOtherContentIsAConflictAndTheStoredEventStays() {
        Event first = sale(id("other"), "10.00");
        events.store(List.of(first), false);
        Event changed = sale(first.id(), "10.01");
        EventRepository.Stored stored = events.store(List.of(changed), false);
        assertThat(stored.conflicts()).containsExactly(first.id());
        assertThat(stored.added()).isEmpty();
        assertThat(replayed()).contains(first).doesNotContain(changed);
    }

    /** The event an API line of this text parses to. */
    private static Event parsed(String json) {
        return ((dev.accrue.core.event.EventResult.Valid) new dev.accrue.core.event.EventParser().parse(json)).event();
    }

    private static String storedText(String id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT event_json FROM events WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    @Test
    void anEventIsStoredAsTheTextItWasSentAsAndReadBackExactly() {
        String id = id("sent");
        String json = "{ \"type\": \"sale\", \"id\": \"" + id + "\", \"occurred_at\": \"2026-01-10T16:00:00+01:00\", \"partner\": \"dist-a\", "
                + "\"data\": {\"net_amount\": \"12.50\", \"line_id\": \"L-" + id + "\", \"currency\": \"USD\", \"quantity\": 1, \"sku\": \"zürich\"} }";
        Event event = parsed(json);
        assertThat(events.store(List.of(event), List.of(json), false).added()).containsExactly(event);
        assertThat(storedText(id)).isEqualTo(json);
        assertThat(replayed()).contains(event);
    }

    @Test
    void anotherLayoutOfAStoredEventIsADuplicateAndAnotherScaleAConflict() {
        String id = id("layout");
        String sent = "{\"id\":\"" + id + "\",\"type\":\"sale\",\"occurred_at\":\"2026-01-10T15:00:00Z\",\"partner\":\"dist-a\","
                + "\"data\":{\"line_id\":\"L1\",\"net_amount\":\"12.50\",\"currency\":\"USD\"}}";
        events.store(List.of(parsed(sent)), List.of(sent), false);
        String reordered = "{\"data\": {\"currency\": \"USD\", \"net_amount\": \"12.50\", \"line_id\": \"L1\"}, \"partner\": \"dist-a\", "
                + "\"occurred_at\": \"2026-01-10T10:00:00-05:00\", \"type\": \"sale\", \"id\": \"" + id + "\"}";
        EventRepository.Stored again = events.store(List.of(parsed(reordered)), List.of(reordered), false);
        assertThat(again.duplicates()).containsExactly(id);
        assertThat(again.added()).isEmpty();
        String otherScale = sent.replace("\"12.50\"", "\"12.5\"");
        EventRepository.Stored changed = events.store(List.of(parsed(otherScale)), List.of(otherScale), false);
        assertThat(changed.conflicts()).containsExactly(id);
        assertThat(storedText(id)).isEqualTo(sent);
    }

    @Test
    void anEventStoredCanonicallyIsADuplicateOfTheSameEventSentAsText() {
        Event sale = sale(id("canonical"), "10.00");
        events.store(List.of(sale), false);
        String json = EventJson.write(sale).replace(",", ", ");
        assertThat(events.store(List.of(parsed(json)), List.of(json), false).duplicates()).containsExactly(sale.id());
    }

    @Test
    void aRepeatInsideOneCallCountsOnce() {
        Event sale = sale(id("repeat"), "5.00");
        Event otherContent = sale(sale.id(), "6.00");
        long count = events.count();
        EventRepository.Stored stored = events.store(List.of(sale, sale, otherContent), false);
        assertThat(stored.added()).containsExactly(sale);
        assertThat(stored.duplicates()).containsExactly(sale.id());
        assertThat(stored.conflicts()).containsExactly(sale.id());
        assertThat(events.count()).isEqualTo(count + 1);
    }

    @Test
    void theValidRestOfACallIsStoredBesideAConflict() {
        Event stored = sale(id("kept"), "1.00");
        events.store(List.of(stored), false);
        Event fresh = sale(id("fresh"), "2.00");
        EventRepository.Stored outcome = events.store(List.of(sale(stored.id(), "9.99"), fresh), false);
        assertThat(outcome.conflicts()).containsExactly(stored.id());
        assertThat(outcome.added()).containsExactly(fresh);
    }

    @Test
    void allOrNothingStoresNothingWhenOneEventConflicts() {
        Event stored = sale(id("atomic"), "1.00");
        events.store(List.of(stored), false);
        long count = events.count();
        Event fresh = sale(id("not-stored"), "2.00");
        EventRepository.Stored outcome = events.store(List.of(fresh, sale(stored.id(), "1.50")), true);
        assertThat(outcome.added()).isEmpty();
        assertThat(outcome.conflicts()).containsExactly(stored.id());
        assertThat(events.count()).isEqualTo(count);
        assertThat(events.store(List.of(fresh), true).added()).containsExactly(fresh);
    }

    @Test
    void replayIsInTimeOrderThenIdOrderToTheNanosecond() {
        String prefix = id("order");
        Instant base = Instant.parse("1999-06-01T00:00:00Z");
        Event late = Events.sale(prefix + "-a").at(base.plusNanos(2_000_001)).amount("1.00").build();
        Event nanoEarlier = Events.sale(prefix + "-b").at(base.plusNanos(2_000_000)).amount("1.00").build();
        Event tieLaterId = Events.sale(prefix + "-d").at(base).amount("1.00").build();
        Event tieEarlierId = Events.sale(prefix + "-c").at(base).amount("1.00").build();
        events.store(List.of(late, nanoEarlier, tieLaterId, tieEarlierId), false);
        List<Event> inOrder = replayed().stream().filter(event -> event.id().startsWith(prefix)).toList();
        assertThat(inOrder).containsExactly(tieEarlierId, tieLaterId, nanoEarlier, late);
    }

    @Test
    void replayStreamsMoreEventsThanOneFetch() {
        List<Event> many = new ArrayList<>();
        String prefix = id("many");
        for (int i = 0; i < EventRepository.FETCH_SIZE * 2 + 7; i++) {
            many.add(Events.sale(prefix + "-" + i).at(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i)).amount(i + ".00").build());
        }
        assertThat(events.store(many, false).added()).hasSize(many.size());
        List<Event> back = replayed().stream().filter(event -> event.id().startsWith(prefix + "-")).toList();
        assertThat(back).containsExactlyElementsOf(many);
    }

    @Test
    void storedEventsCannotBeChangedOrDeleted() {
        Event sale = sale(id("fixed"), "1.00");
        events.store(List.of(sale), false);
        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("UPDATE events SET type = 'return' WHERE id = ?", sale.id())))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("DELETE FROM events WHERE id = ?", sale.id())))
                .hasMessageContaining("immutable");
    }

    @Test
    void anEventThatPostgresCannotHoldIsRefusedBeforeAnythingIsWritten() {
        long count = events.count();
        Event nul = sale("bad\u0000id", "1.00");
        Event farFuture = Events.sale(id("future")).at(Instant.parse("+12026-01-01T00:00:00Z")).amount("1.00").build();
        assertThatThrownBy(() -> events.store(List.of(sale(id("fine"), "1.00"), nul), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.store(List.of(farFuture), false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(events.count()).isEqualTo(count);
    }
}
