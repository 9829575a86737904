package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reliability: several clients post overlapping batches at the same moment — the same ids in every
 * client's batches, each in another order — and every event is stored exactly once, no request fails,
 * and the counts the server answered add up.
 */
class EventsConcurrencyTest {
    private static final int CLIENTS = 4;
    private static final int EVENTS = 3_000;
    private static final int BATCHES_PER_CLIENT = 5;
    private static final int BATCH_SIZE = 1_000;
    private static final long SEED = 20_261_123L;
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        api.postJson("/partners", api.adminKey, "{\"id\": \"dist-a\", \"name\": \"A\", \"type\": \"distributor\"}");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    record Counts(long accepted, long held, long duplicate, long rejected, long conflict) {
        Counts plus(Counts other) {
            return new Counts(accepted + other.accepted, held + other.held, duplicate + other.duplicate,
                    rejected + other.rejected, conflict + other.conflict);
        }
    }

    @Test
    void overlappingBatchesFromConcurrentClientsAreStoredExactlyOnce() throws Exception {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            // a third of the events belong to a partner not known yet: held, and stored all the same
            pool.add(EventsApiTest.sale("c-" + i, i % 3 == 0 ? "dist-later" : "dist-a", "2026-03-01T10:00:00Z", (i % 997) + ".10", "USD"));
        }
        Random random = new Random(SEED);
        Set<String> sent = new HashSet<>();
        List<List<String>> bodies = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            List<String> batches = new ArrayList<>();
            for (int b = 0; b < BATCHES_PER_CLIENT; b++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < EVENTS; i++) order.add(i);
                Collections.shuffle(order, random);
                List<String> batch = new ArrayList<>();
                for (int i : order.subList(0, BATCH_SIZE)) {
                    batch.add(pool.get(i));
                    sent.add("c-" + i);
                }
                batches.add(String.join("\n", batch));
            }
            bodies.add(batches);
        }

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CyclicBarrier start = new CyclicBarrier(CLIENTS);
            List<Future<Counts>> futures = new ArrayList<>();
            for (List<String> batches : bodies) {
                futures.add(clients.submit(() -> {
                    start.await();
                    Counts counts = new Counts(0, 0, 0, 0, 0);
                    for (String body : batches) {
                        ApiFixture.Reply reply = api.call("POST", "/events", api.adminKey, body, EventsApiTest.JSON_LINES);
                        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                        JsonNode receipt = reply.json();
                        counts = counts.plus(new Counts(receipt.get("accepted").asLong(), receipt.get("held").asLong(),
                                receipt.get("duplicate").asLong(), receipt.get("rejected").asLong(), receipt.get("conflict").asLong()));
                    }
                    return counts;
                }));
            }
            Counts total = new Counts(0, 0, 0, 0, 0);
            for (Future<Counts> future : futures) total = total.plus(future.get());

            String why = "seed " + SEED + ", " + total;
            assertThat(total.rejected() + total.conflict()).as(why).isZero();
            assertThat(total.accepted() + total.held()).as(why + ": each distinct event is new to exactly one request").isEqualTo(sent.size());
            assertThat(total.accepted() + total.held() + total.duplicate()).as(why).isEqualTo((long) CLIENTS * BATCHES_PER_CLIENT * BATCH_SIZE);
            assertThat(total.held()).as(why).isEqualTo(sent.stream().filter(id -> Integer.parseInt(id.substring(2)) % 3 == 0).count());
            List<String> stored = new ArrayList<>();
            api.server.stores().events().forEachInOrder(event -> stored.add(event.id()));
            assertThat(stored).as(why).hasSize(sent.size()).doesNotHaveDuplicates();
            assertThat(new HashSet<>(stored)).as(why).isEqualTo(sent);
        } finally {
            clients.shutdownNow();
        }
    }
}
