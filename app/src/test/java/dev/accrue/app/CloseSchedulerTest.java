package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.core.event.Event;
import dev.accrue.postgres.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduler closes a period once it has ended and its grace has passed, and not before: with the
 * clock at 2026-10-02 and three days' grace, the third quarter (ended 30 September, Chicago time) stays
 * open; at 2026-10-05 it is closed.
 */
class CloseSchedulerTest {
    private static final Duration EVERY = Duration.ofMillis(100);

    private static JsonNode earnings(ApiFixture api) {
        return api.get("/earnings?partner=acme&period=2026-Q3", api.adminKey).json().get("items");
    }

    @Test
    void aPeriodClosesByItselfOnceItsGraceHasPassed() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-02T12:00:00Z"));
        try (ApiFixture api = new ApiFixture(TestDatabases.fresh(), clock, new Server.BooksOptions(Duration.ofDays(3), EVERY))) {
            assertThat(api.postJson("/partners", api.adminKey, """
                    {"id": "acme", "name": "Acme", "type": "distributor", "attributes": {"map_compliant": true, "payment_terms_days": 30}}""")
                    .status()).isEqualTo(201);
            String program = Files.readString(Path.of("../examples/programs/distributor-growth-rebate.yaml"));
            assertThat(api.call("POST", "/programs", api.adminKey, program, "application/yaml").status()).isEqualTo(201);
            List<Event> sales = List.of(new Event("s1", "sale", Instant.parse("2026-08-10T15:00:00Z"), "acme",
                    Map.of("line_id", "L1", "product_family", "valves", "net_amount", new BigDecimal("60000.00"), "currency", "USD", "quantity", 1L)));
            api.server.stores().books().added(api.server.stores().events().store(sales).added());

            // Booked first (the booker's pace depends on the machine), then left to the scheduler for a few rounds.
            for (int i = 0; i < 200 && earnings(api).isEmpty(); i++) Thread.sleep(EVERY.toMillis());
            assertThat(earnings(api)).as("the sale is booked").isNotEmpty();
            Thread.sleep(EVERY.toMillis() * 5);
            assertThat(earnings(api).get(0).get("status").asText()).as("inside the grace").isEqualTo("provisional");

            clock.set(Instant.parse("2026-10-05T12:00:00Z"));
            String status = null;
            for (int i = 0; i < 100 && !"final".equals(status); i++) {
                Thread.sleep(EVERY.toMillis());
                status = earnings(api).get(0).get("status").asText();
            }
            assertThat(status).as("closed by the scheduler").isEqualTo("final");
            assertThat(earnings(api).get(0).get("amount").asText()).isEqualTo("600.00");
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
