package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.app.client.ApiClient;
import dev.accrue.app.demo.DemoActivity;
import dev.accrue.app.demo.DemoLoader;
import dev.accrue.app.demo.DemoUsers;
import dev.accrue.app.demo.ExamplePrograms;
import dev.accrue.http.port.Role;
import dev.accrue.postgres.ledger.LedgerVerification;
import dev.accrue.postgres.ledger.LedgerVerifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void loadingTheDemoTwiceAddsNothingTheSecondTimeAndReplacesTheKeys() {
        try (ApiFixture api = new ApiFixture()) {
            Instant now = Clock.systemUTC().instant();
            Map<Role, String> first = DemoUsers.ensure(api.server.stores().access(), Clock.systemUTC());
            assertThat(first).containsOnlyKeys(Role.values());
            DemoLoader.Loaded loaded = new DemoLoader(new ApiClient("http://localhost:" + api.server.port(), first.get(Role.ADMIN))).load(now);
            assertThat(loaded.refused()).isEmpty();
            assertThat(loaded.partners().created()).isGreaterThanOrEqualTo(20);
            assertThat(loaded.programsCreated()).isEqualTo(ExamplePrograms.all().size()).isPositive();
            assertThat(loaded.activity().sent()).isEqualTo(DemoActivity.upTo(now).size()).isPositive();
            assertThat(loaded.activity().added()).isEqualTo(loaded.activity().sent());

            Map<Role, String> second = DemoUsers.ensure(api.server.stores().access(), Clock.systemUTC());
            assertThat(api.get("/me", first.get(Role.FINANCE)).status()).as("the previous demo key is revoked").isEqualTo(401);
            DemoLoader.Loaded again = new DemoLoader(new ApiClient("http://localhost:" + api.server.port(), second.get(Role.ADMIN))).load(now);
            assertThat(again.refused()).isEmpty();
            assertThat(again.partners().created()).isZero();
            assertThat(again.partners().changed()).isZero();
            assertThat(again.programsCreated()).isZero();
            assertThat(again.activity().added()).as("every event is taken once").isZero();
            assertThat(again.activity().duplicates()).isEqualTo(loaded.activity().sent());
            assertThat(api.get("/partners/" + DemoUsers.PARTNER_ID, second.get(Role.PARTNER)).status()).isEqualTo(200);
            assertThat(api.get("/users", second.get(Role.ADMIN)).json().get("items").findValuesAsText("name"))
                    .filteredOn(name -> name.startsWith("demo-")).hasSize(Role.values().length);
        }
    }

    @Test
    void theDemoActivityIsTheSameEveryTimeAndNeverInTheFuture() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        List<DemoActivity.DemoEvent> events = DemoActivity.upTo(now);
        assertThat(events).hasSizeBetween(3_000, 20_000);
        assertThat(events).allSatisfy(event -> assertThat(event.occurredAt()).isBefore(now).isAfterOrEqualTo(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(events.stream().map(DemoActivity.DemoEvent::id).distinct()).hasSameSizeAs(events);
        assertThat(DemoActivity.upTo(now).stream().map(DemoActivity.DemoEvent::json).toList())
                .isEqualTo(events.stream().map(DemoActivity.DemoEvent::json).toList());
        List<String> later = DemoActivity.upTo(now.plusSeconds(86_400 * 3)).stream().map(DemoActivity.DemoEvent::json).toList();
        assertThat(later).as("a later start sends the same events again, plus the newer ones")
                .containsAll(events.stream().map(DemoActivity.DemoEvent::json).toList()).hasSizeGreaterThan(events.size());
        assertThat(events.stream().map(DemoActivity.DemoEvent::type).distinct())
                .contains("sale", "return", "referral.signup", "referral.conversion", "payment", "campaign.touch", "conversion",
                        "seller.activated", "integration.milestone", "usage", "serial.registered", "warranty.registered",
                        "pm.enrolled", "service.renewed");
    }

    @Test
    void theDemoBooksEarningsUnderEveryExampleProgramThatPaysAndItsLedgerVerifies() throws InterruptedException {
        try (ApiFixture api = new ApiFixture()) {
            Instant now = Clock.systemUTC().instant();
            Map<Role, String> keys = DemoUsers.ensure(api.server.stores().access(), Clock.systemUTC());
            DemoLoader.Loaded loaded = new DemoLoader(new ApiClient("http://localhost:" + api.server.port(), keys.get(Role.ADMIN))).load(now);
            assertThat(loaded.refused()).isEmpty();
            String admin = keys.get(Role.ADMIN);
            awaitBooks(api, admin);

            JsonNode earnings = api.get("/earnings", admin).json().get("items");
            Set<String> earning = new TreeSet<>();
            for (JsonNode line : earnings) {
                if (new BigDecimal(line.get("amount").asText()).signum() > 0) earning.add(line.get("program").asText());
            }
            List<String> expected = new ArrayList<>(List.of("distributor-growth-2026", "dealer-sell-through-2026", "deal-reg-2026",
                    "referral-2026", "coop-campaigns-2026", "integration-partners", "service-loyalty"));
            if (now.isAfter(Instant.parse("2026-10-15T00:00:00Z"))) expected.add("spif-q4-pumps");
            assertThat(earning).as("programs with earnings").containsAll(expected);

            JsonNode own = api.get("/earnings", keys.get(Role.PARTNER)).json().get("items");
            assertThat(own.findValuesAsText("partner")).isNotEmpty().containsOnly(DemoUsers.PARTNER_ID);
            assertThat(own.findValuesAsText("program")).contains("distributor-growth-2026", "coop-campaigns-2026");

            // Close the distributors' first quarter: the gates pass for some and void the others' accruals.
            ApiFixture.Reply close = api.call("POST", "/programs/distributor-growth-2026/periods/2026-Q1/close", admin, null, null);
            assertThat(close.status()).as(close.text()).isEqualTo(200);
            awaitBooks(api, admin);
            JsonNode q1 = api.get("/earnings?program=distributor-growth-2026&period=2026-Q1", admin).json().get("items");
            assertThat(q1).allSatisfy(line -> assertThat(line.get("status").asText()).isEqualTo("final"));
            assertThat(amountOf(q1, "dist-acme")).isPositive();
            assertThat(amountOf(q1, "dist-bolt")).as("MAP compliance gate").isZero();
            assertThat(amountOf(q1, "dist-canyon")).as("payment terms gate").isZero();

            LedgerVerification verification = new LedgerVerifier(api.server.database().dataSource()).verify();
            assertThat(verification.differences()).isEmpty();
            assertThat(verification.isSound()).as(verification.summary()).isTrue();
        }
    }

    private static BigDecimal amountOf(JsonNode lines, String partner) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            if (line.get("partner").asText().equals(partner)) total = total.add(new BigDecimal(line.get("amount").asText()));
        }
        return total;
    }

    /** Waits until the books have taken every event handed to them, without an error. */
    private static void awaitBooks(ApiFixture api, String key) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode status;
        do {
            status = api.get("/books/status", key).json();
            if (status.get("lag").asLong() == 0 && status.get("last_error").isNull()) return;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the books did not catch up within 60 s: " + status);
    }
}
