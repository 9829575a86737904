package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.core.event.Event;
import dev.accrue.http.port.Role;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /events} on the real server and database: every status, the body forms, atomic batches, limits and who may send. */
class EventsApiTest {
    static final String JSON_LINES = "application/x-ndjson";
    private static ApiFixture api;
    private static int next;

    @BeforeAll
    static void start() throws IOException {
        api = new ApiFixture();
        api.postJson("/partners", api.adminKey, "{\"id\": \"dist-a\", \"name\": \"A\", \"type\": \"distributor\"}");
        api.postJson("/partners", api.adminKey, "{\"id\": \"dist-b\", \"name\": \"B\", \"type\": \"distributor\"}");
        // USD, rules on sale, in force through 2026 (America/Chicago)
        String program = Files.readString(ProgramsApiTest.EXAMPLES.resolve("distributor-growth-rebate.yaml"));
        assertThat(api.call("POST", "/programs", api.adminKey, program, "application/yaml").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** An event id no other test uses. */
    static String id(String name) {
        return name + "-" + (++next);
    }

    static String sale(String id, String partner, String amount) {
        return sale(id, partner, "2026-02-10T15:00:00Z", amount, "USD");
    }

    static String sale(String id, String partner, String at, String amount, String currency) {
        return "{\"id\":\"" + id + "\",\"type\":\"sale\",\"occurred_at\":\"" + at + "\"" + (partner == null ? "" : ",\"partner\":\"" + partner + "\"")
                + ",\"data\":{\"line_id\":\"" + id + "\",\"product_family\":\"pumps\",\"net_amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}}";
    }

    static String lines(String... events) {
        return String.join("\n", events) + "\n";
    }

    private static JsonNode post(String body) {
        return post("", api.adminKey, body, JSON_LINES);
    }

    private static JsonNode post(String query, String key, String body, String contentType) {
        ApiFixture.Reply reply = api.call("POST", "/events" + query, key, body, contentType);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private static Map<String, Event> stored() {
        Map<String, Event> all = new java.util.HashMap<>();
        api.server.stores().events().forEachInOrder(event -> all.put(event.id(), event));
        return all;
    }

    /** {line: status} of the listed results. */
    private static Map<Integer, String> statuses(JsonNode receipt) {
        Map<Integer, String> statuses = new java.util.TreeMap<>();
        receipt.get("results").forEach(result -> statuses.put(result.get("line").asInt(), result.get("status").asText()));
        return statuses;
    }

    @Test
    void jsonLinesAreStoredDurablyAndAnsweredWithCountsOnly() {
        String first = id("jl"), second = id("jl");
        JsonNode receipt = post(lines(sale(first, "dist-a", "100.00"), sale(second, "dist-b", "250.50")));
        assertThat(receipt.get("received").asInt()).isEqualTo(2);
        assertThat(receipt.get("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.get("results")).isEmpty();
        Map<String, Event> stored = stored();
        assertThat(stored.get(second).data().get("net_amount")).isEqualTo(new BigDecimal("250.50"));
        assertThat(stored.get(first).partnerId()).isEqualTo("dist-a");
    }

    @Test
    void aJsonArrayAndASingleObjectAreBatchesToo() {
        String inArray = id("array"), alone = id("object");
        JsonNode array = post("", api.adminKey, "[" + sale(inArray, "dist-a", "1.00") + ",\n  {\"id\": \"" + id("array")
                + "\", \"type\": \"sale\", \"occurred_at\": \"2026-02-10T15:00:00Z\", \"data\": {\"net_amount\": 5.5}}]", "application/json");
        assertThat(array.get("accepted").asInt()).isEqualTo(1);
        assertThat(array.get("rejected").asInt()).isEqualTo(1);
        assertThat(array.get("results").get(0).get("line").asInt()).as("the place in the array").isEqualTo(2);
        JsonNode object = post("", api.adminKey, sale(alone, "dist-a", "2.00"), "application/json");
        assertThat(object.get("received").asInt()).isEqualTo(1);
        assertThat(object.get("accepted").asInt()).isEqualTo(1);
        assertThat(stored()).containsKeys(inArray, alone);
    }

    @Test
    void theSameEventSentAgainIsADuplicateStoredOnce() {
        String event = sale(id("dup"), "dist-a", "10.00");
        post(lines(event));
        long count = api.server.stores().events().count();
        JsonNode again = post(lines(event));
        assertThat(again.get("duplicate").asInt()).isEqualTo(1);
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("results").get(0).get("status").asText()).isEqualTo("duplicate");
        assertThat(api.server.stores().events().count()).isEqualTo(count);
    }

    @Test
    void theSameEventInAnotherLayoutIsADuplicateAndAnotherAmountScaleAConflict() {
        String id = id("layout");
        post(lines(sale(id, "dist-a", "2026-02-10T15:00:00Z", "12.50", "USD")));
        String spacedAndOffset = "{ \"type\": \"sale\", \"id\": \"" + id + "\", \"partner\": \"dist-a\", \"occurred_at\": \"2026-02-10T16:00:00+01:00\", "
                + "\"data\": {\"currency\": \"USD\", \"net_amount\": \"12.50\", \"product_family\": \"pumps\", \"line_id\": \"" + id + "\"} }";
        assertThat(statuses(post(lines(spacedAndOffset)))).containsExactly(Map.entry(1, "duplicate"));
        assertThat(statuses(post(lines(sale(id, "dist-a", "2026-02-10T15:00:00Z", "12.5", "USD"))))).containsExactly(Map.entry(1, "conflict"));
        assertThat(stored().get(id).data().get("net_amount")).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void anArrayElementLongerThanALineIsStoredAsItsCanonicalJsonAndReadsBack() {
        String id = id("padded");
        String padded = sale(id, "dist-a", "7.00").replace(",\"type\"", " ".repeat(70_000) + ",\"type\"");
        JsonNode receipt = post("", api.adminKey, "[" + padded + "]", "application/json");
        assertThat(receipt.get("accepted").asInt()).as(receipt.toString()).isEqualTo(1);
        assertThat(stored().get(id).data().get("net_amount")).isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void anIdStoredWithOtherContentIsAConflictAndTheFirstStays() {
        String id = id("conflict");
        post(lines(sale(id, "dist-a", "10.00")));
        JsonNode changed = post(lines(sale(id, "dist-a", "99.00")));
        assertThat(changed.get("conflict").asInt()).isEqualTo(1);
        assertThat(changed.get("results").get(0).get("reason").asText()).contains("other content");
        assertThat(stored().get(id).data().get("net_amount")).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void aRepeatInsideOneBatchCountsOnce() {
        String id = id("repeat");
        JsonNode receipt = post(lines(sale(id, "dist-a", "3.00"), sale(id, "dist-a", "3.00"), sale(id, "dist-a", "4.00")));
        assertThat(statuses(receipt)).containsExactly(Map.entry(2, "duplicate"), Map.entry(3, "conflict"));
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void invalidEventsAreRejectedLineByLineWithTheirReasonAndTheValidRestIsStored() {
        String good = id("good"), floaty = id("float"), unknown = id("unknown-type"), missing = id("missing");
        String body = lines(
                sale(good, "dist-a", "1.00"),
                sale(floaty, "dist-a", "1.00").replace("\"net_amount\":\"1.00\"", "\"net_amount\":12.5"),
                "{\"id\":\"" + unknown + "\",\"type\":\"sail\",\"occurred_at\":\"2026-02-10T15:00:00Z\",\"data\":{}}",
                "{\"id\":\"" + missing + "\",\"type\":\"sale\",\"occurred_at\":\"2026-02-10T15:00:00Z\",\"data\":{\"net_amount\":\"1.00\"}}",
                "{\"id\": \"broken\", \"type\": ");
        JsonNode receipt = post(body);
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
        assertThat(receipt.get("rejected").asInt()).isEqualTo(4);
        Map<Integer, JsonNode> byLine = new java.util.TreeMap<>();
        receipt.get("results").forEach(result -> byLine.put(result.get("line").asInt(), result));
        assertThat(byLine.keySet()).containsExactly(2, 3, 4, 5);
        assertThat(byLine.get(2).get("id").asText()).isEqualTo(floaty);
        assertThat(byLine.get(2).get("reason").asText()).startsWith("data.net_amount: expected a decimal string").contains("12.5");
        assertThat(byLine.get(3).get("reason").asText()).startsWith("type: expected a known event type");
        assertThat(byLine.get(4).get("reason").asText()).startsWith("data.line_id: expected a value");
        assertThat(byLine.get(5).get("id").asText()).isEqualTo("broken");
        assertThat(byLine.get(5).get("reason").asText()).contains("invalid JSON");
        assertThat(stored()).containsKey(good).doesNotContainKeys(floaty, unknown, missing);
    }

    @Test
    void anEventOfAPartnerNotKnownYetIsHeldAndKept() {
        String id = id("held");
        JsonNode receipt = post(lines(sale(id, "dist-not-yet", "7.00")));
        assertThat(receipt.get("held").asInt()).isEqualTo(1);
        assertThat(receipt.get("results").get(0).get("reason").asText()).contains("dist-not-yet").contains("not known yet");
        assertThat(stored()).containsKey(id);
        assertThat(post(lines(sale(id, "dist-not-yet", "7.00"))).get("duplicate").asInt()).as("kept: sent again it is a duplicate").isEqualTo(1);
    }

    @Test
    void anEventWithoutPartnerIsAcceptedForAttributionToFind() {
        assertThat(post(lines(sale(id("unattributed"), null, "1.00"))).get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void aCurrencyThatNoProgramInForcePaysInIsRejected() {
        String pounds = id("gbp"), before = id("gbp-2025");
        JsonNode receipt = post(lines(sale(pounds, "dist-a", "2026-05-01T12:00:00Z", "10.00", "GBP"),
                sale(before, "dist-a", "2025-05-01T12:00:00Z", "10.00", "GBP")));
        assertThat(statuses(receipt)).containsExactly(Map.entry(1, "rejected"));
        assertThat(receipt.get("results").get(0).get("reason").asText()).isEqualTo(
                "data.currency: expected USD (the currency of the programs with rules on sale events in force then), found GBP");
        assertThat(stored()).containsKey(before).doesNotContainKey(pounds);
    }

    @Test
    void anAtomicBatchWithOneBadEventStoresNothingAndListsWhy() {
        String good = id("atomic-good"), bad = id("atomic-bad");
        String body = lines(sale(good, "dist-a", "1.00"), sale(bad, "dist-a", "1.0.0"));
        ApiFixture.Reply reply = api.call("POST", "/events?atomic=true", api.adminKey, body, JSON_LINES);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:accrue:problem:validation");
        assertThat(problem.get("results")).hasSize(1);
        assertThat(problem.get("results").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("results").get(0).get("id").asText()).isEqualTo(bad);
        assertThat(stored()).doesNotContainKeys(good, bad);
        assertThat(post("?atomic=true", api.adminKey, lines(sale(good, "dist-a", "1.00")), JSON_LINES).get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void anAtomicBatchWithAConflictStoresNothing() {
        String kept = id("atomic-kept"), fresh = id("atomic-fresh");
        post(lines(sale(kept, "dist-a", "1.00")));
        ApiFixture.Reply reply = api.call("POST", "/events?atomic=true", api.adminKey,
                lines(sale(fresh, "dist-a", "1.00"), sale(kept, "dist-a", "2.00")), JSON_LINES);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("results").get(0).get("status").asText()).isEqualTo("conflict");
        assertThat(stored()).doesNotContainKey(fresh);
    }

    @Test
    void moreThanTenThousandEventsAreRefusedWholeAndNothingIsStored() {
        String prefix = id("bulk");
        String body = IntStream.range(0, 10_001).mapToObj(i -> sale(prefix + "-" + i, "dist-a", "1.00")).collect(Collectors.joining("\n"));
        long count = api.server.stores().events().count();
        ApiFixture.Reply reply = api.call("POST", "/events", api.adminKey, body, JSON_LINES);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("detail").asText()).contains("10000 events");
        assertThat(api.server.stores().events().count()).isEqualTo(count);
    }

    @Test
    void tenThousandEventsInOneBatchAreTaken() {
        String prefix = id("full");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) events.add(sale(prefix + "-" + i, "dist-" + (i % 2 == 0 ? "a" : "b"), "1." + (i % 100)));
        JsonNode receipt = post(String.join("\n", events));
        assertThat(receipt.get("accepted").asInt()).isEqualTo(10_000);
        assertThat(receipt.toString().length()).as("a clean batch answers in a few bytes").isLessThan(200);
    }

    @Test
    void wholeRequestFaultsAreProblems() {
        assertThat(api.call("POST", "/events", api.adminKey, "id,type\n", "text/csv").status()).isEqualTo(415);
        assertThat(api.call("POST", "/events", api.adminKey, "[" + sale(id("open"), "dist-a", "1.00"), "application/json").status()).isEqualTo(400);
        assertThat(api.call("POST", "/events", api.adminKey, "42", "application/json").status()).isEqualTo(400);
        assertThat(api.call("POST", "/events?atomic=maybe", api.adminKey, lines(sale(id("q"), "dist-a", "1.00")), JSON_LINES).status()).isEqualTo(400);
        assertThat(api.call("POST", "/events", null, lines(sale(id("nokey"), "dist-a", "1.00")), JSON_LINES).status()).isEqualTo(401);
    }

    @Test
    void managersSendEventsAndFinanceDoesNot() {
        String program = api.keyFor("pm-" + id("u"), Role.PROGRAM_MANAGER, null);
        String channel = api.keyFor("cm-" + id("u"), Role.CHANNEL_MANAGER, null);
        String finance = api.keyFor("fi-" + id("u"), Role.FINANCE, null);
        assertThat(post("", program, lines(sale(id("by-pm"), "dist-a", "1.00")), JSON_LINES).get("accepted").asInt()).isEqualTo(1);
        assertThat(post("", channel, lines(sale(id("by-cm"), "dist-b", "1.00")), JSON_LINES).get("accepted").asInt()).isEqualTo(1);
        ApiFixture.Reply refused = api.call("POST", "/events", finance, lines(sale(id("by-finance"), "dist-a", "1.00")), JSON_LINES);
        assertThat(refused.status()).isEqualTo(403);
    }
}
