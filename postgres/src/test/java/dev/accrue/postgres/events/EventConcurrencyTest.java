package dev.accrue.postgres.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.event.Event;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.TestDatabases;
import dev.accrue.testkit.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writers storing overlapping batches at the same moment: every event is stored once, none fails, the counts add up. */
class EventConcurrencyTest {
    private static final int WRITERS = TestDatabases.POOL_SIZE;
    private static final int EVENTS = 2_000;
    private static final int BATCHES_PER_WRITER = 4;
    private static final int BATCH_SIZE = 700;

    record Totals(int added, int duplicates, int conflicts) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void overlappingBatchesFromManyWritersStoreEveryEventOnce(long seed) throws Exception {
        List<Event> pool = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            pool.add(Events.sale("s" + seed + "-" + i).partner("dist-" + i % 7).at(Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i))
                    .amount((i % 500) + ".25").build());
        }
        try (Database database = TestDatabases.fresh()) {
            EventRepository events = new EventRepository(database.dataSource());
            ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
            try {
                CyclicBarrier start = new CyclicBarrier(WRITERS);
                List<Future<Totals>> futures = new ArrayList<>();
                Set<String> sent = new HashSet<>();
                List<List<List<Event>>> plans = new ArrayList<>();
                Random random = new Random(seed);
                for (int writer = 0; writer < WRITERS; writer++) {
                    List<List<Event>> batches = new ArrayList<>();
                    for (int b = 0; b < BATCHES_PER_WRITER; b++) {
                        List<Event> shuffled = new ArrayList<>(pool);
                        Collections.shuffle(shuffled, random);   // each batch overlaps the others', in another order
                        batches.add(List.copyOf(shuffled.subList(0, BATCH_SIZE)));
                        shuffled.subList(0, BATCH_SIZE).forEach(event -> sent.add(event.id()));
                    }
                    plans.add(batches);
                }
                for (List<List<Event>> batches : plans) {
                    futures.add(executor.submit(() -> {
                        start.await();
                        int added = 0, duplicates = 0, conflicts = 0;
                        for (List<Event> batch : batches) {
                            EventRepository.Stored stored = events.store(batch, false);
                            added += stored.added().size();
                            duplicates += stored.duplicates().size();
                            conflicts += stored.conflicts().size();
                        }
                        return new Totals(added, duplicates, conflicts);
                    }));
                }
                int added = 0, duplicates = 0, conflicts = 0;
                for (Future<Totals> future : futures) {
                    Totals totals = future.get();
                    added += totals.added();
                    duplicates += totals.duplicates();
                    conflicts += totals.conflicts();
                }
                String why = "seed " + seed;
                assertThat(conflicts).as(why).isZero();
                assertThat(added).as(why + ": each distinct event is added by exactly one call").isEqualTo(sent.size());
                assertThat(added + duplicates).as(why).isEqualTo(WRITERS * BATCHES_PER_WRITER * BATCH_SIZE);
                assertThat(events.count()).as(why).isEqualTo(sent.size());
                List<String> ids = new ArrayList<>();
                events.forEachInOrder(event -> ids.add(event.id()));
                assertThat(new HashSet<>(ids)).as(why).hasSize(ids.size()).isEqualTo(sent);
            } finally {
                executor.shutdownNow();
            }
        }
    }
}
