package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.http.port.Role;
import dev.accrue.postgres.ledger.LedgerVerifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The live books over HTTP, in the order a quarter lives: sales arrive and show as provisional earnings
 * (how fast is measured in docs/benchmarks.md, not asserted here); the quarter is closed (twice: the second does nothing); a late sale for the closed
 * quarter becomes an adjustment in the open one; statements, balances and the liability read it back;
 * a partner key reads only its own. Figures by hand from distributor-growth-rebate.yaml.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BooksApiTest {
    private ApiFixture api;
    private String acmeKey;

    @BeforeAll
    void start() throws Exception {
        api = new ApiFixture();
        for (String id : new String[] {"acme", "beta"}) {
            assertThat(api.postJson("/partners", api.adminKey, """
                    {"id": "%s", "name": "%s", "type": "distributor", "attributes": {"map_compliant": true, "payment_terms_days": 30}}"""
                    .formatted(id, id)).status()).isEqualTo(201);
        }
        String program = Files.readString(Path.of("../examples/programs/distributor-growth-rebate.yaml"));
        assertThat(api.call("POST", "/programs", api.adminKey, program, "application/yaml").status()).isEqualTo(201);
        acmeKey = api.keyFor("acme-user", Role.PARTNER, "acme");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private ApiFixture.Reply ingest(String... lines) {
        ApiFixture.Reply reply = api.call("POST", "/events", api.adminKey, String.join("\n", lines), "application/x-ndjson");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    private static String sale(String id, String at, String partner, String family, String amount) {
        return """
                {"id":"%s","type":"sale","occurred_at":"%s","partner":"%s","data":{"line_id":"L-%s","product_family":"%s","net_amount":"%s","currency":"USD","quantity":1}}"""
                .formatted(id, at, partner, id, family, amount).strip();
    }

    private JsonNode earnings(String query, String key) {
        ApiFixture.Reply reply = api.get("/earnings" + query, key);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("items");
    }

    private void awaitBooked() throws InterruptedException {
        for (int i = 0; i < 1_000; i++) {
            JsonNode status = api.get("/books/status", api.adminKey).json();
            assertThat(status.get("last_error").isNull()).as("%s", status).isTrue();
            if (status.get("lag").asLong() == 0) return;
            Thread.sleep(10);
        }
        throw new AssertionError("the books did not catch up");
    }

    @Test
    @Order(1)
    void aSaleShowsAsAProvisionalEarningAtOnce() throws Exception {
        ingest(sale("q3-1", "2026-07-10T15:00:00Z", "acme", "valves", "60000.00"),
                sale("q3-2", "2026-08-10T15:00:00Z", "acme", "valves", "50000.00"),
                sale("q3-3", "2026-08-11T15:00:00Z", "beta", "valves", "10000.00"));
        awaitBooked();
        JsonNode lines = earnings("?partner=acme&period=2026-Q3", api.adminKey);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("status").asText()).isEqualTo("provisional");
        // 110,000 reached gold: 2% provisionally.
        assertThat(lines.get(0).get("amount").asText()).isEqualTo("2200.00");
        assertThat(lines.get(0).get("why").asText()).contains("gold");
        JsonNode balances = api.get("/partners/acme/balances", acmeKey).json().get("items");
        assertThat(balances.get(0).get("pending").asText()).isEqualTo("2200.00");
        assertThat(balances.get(0).get("posted").asText()).isEqualTo("0.00");
    }

    @Test
    @Order(2)
    void closingPostsWhatPassedItsGatesAndClosingAgainDoesNothing() {
        ApiFixture.Reply closed = api.call("POST", "/programs/distributor-growth-2026/periods/2026-Q3/close", api.adminKey, null, null);
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("already_closed").asBoolean()).isFalse();
        assertThat(closed.json().get("totals").get("USD").asText()).isEqualTo("2300.00"); // acme 2,200 + beta 1% of 10,000
        ApiFixture.Reply again = api.call("POST", "/programs/distributor-growth-2026/periods/2026-Q3/close", api.adminKey, null, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("already_closed").asBoolean()).isTrue();

        JsonNode balances = api.get("/partners/acme/balances", acmeKey).json().get("items");
        assertThat(balances.get(0).get("pending").asText()).isEqualTo("0.00");
        assertThat(balances.get(0).get("posted").asText()).isEqualTo("2200.00");
        JsonNode lines = earnings("?partner=acme&period=2026-Q3", api.adminKey);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("status").asText()).isEqualTo("final");
        assertThat(lines.get(0).get("explanation").get("tier").toString()).contains("gold");
    }

    @Test
    @Order(3)
    void periodsThatHaveNotEndedOrDoNotExistAreRefused() {
        assertThat(api.call("POST", "/programs/distributor-growth-2026/periods/2026-Q4/close", api.adminKey, null, null).status()).isEqualTo(409);
        assertThat(api.call("POST", "/programs/distributor-growth-2026/periods/2026-13/close", api.adminKey, null, null).status()).isEqualTo(422);
        assertThat(api.call("POST", "/programs/no-such/periods/2026-Q3/close", api.adminKey, null, null).status()).isEqualTo(422);
        assertThat(api.call("POST", "/programs/distributor-growth-2026/periods/2026-Q3/close", acmeKey, null, null).status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void aLateSaleForTheClosedQuarterIsAnAdjustmentInTheOpenQuarter() throws Exception {
        ingest(sale("q4-1", "2026-10-05T15:00:00Z", "acme", "valves", "1000.00"),
                sale("q3-late", "2026-09-20T15:00:00Z", "acme", "valves", "150000.00"));
        awaitBooked();
        // Q3 with the late sale: 260,000 reaches platinum, 3% = 7,800; 2,200 was posted, so +5,600 lands in Q4.
        JsonNode statement = api.get("/partners/acme/statements/2026-Q4", acmeKey).json();
        JsonNode adjustment = statement.get("lines").get(0);
        assertThat(adjustment.get("status").asText()).isEqualTo("adjustment");
        assertThat(adjustment.get("period").asText()).isEqualTo("2026-Q3");
        assertThat(adjustment.get("amount").asText()).isEqualTo("5600.00");
        assertThat(adjustment.get("why").asText()).contains("2026-Q3").contains("2200.00").contains("7800.00");
        JsonNode q3 = api.get("/partners/acme/statements/2026-Q3", acmeKey).json();
        assertThat(q3.get("totals").get("USD").asText()).as("history does not change").isEqualTo("2200.00");
        JsonNode balances = api.get("/partners/acme/balances", acmeKey).json().get("items");
        assertThat(balances.get(0).get("posted").asText()).isEqualTo("7800.00");
        assertThat(balances.get(0).get("pending").asText()).isEqualTo("10.00"); // Q4: 1% of 1,000
    }

    @Test
    @Order(5)
    void statementsComeAsCsvAndTheLiabilityAddsUp() {
        ApiFixture.Reply csv = api.call("GET", "/partners/acme/statements/2026-Q3?format=csv", acmeKey, null, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text().lines().toList()).hasSize(2);
        assertThat(csv.text()).startsWith("program,version,period,booked_in,partner,payee,track,rule,status,unit,amount,why")
                .contains("distributor-growth-2026,1,2026-Q3,2026-Q3,acme,acme,distributors,base rebate,final,USD,2200.00,");

        JsonNode liability = api.get("/liability?program=distributor-growth-2026", api.adminKey).json().get("items");
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode row : liability) total = total.add(new BigDecimal(row.get("total").asText()));
        assertThat(total).isEqualByComparingTo("7910.00"); // acme 7,800 posted + 10 pending, beta 100 posted
        assertThat(api.get("/liability", acmeKey).status()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void aPartnerKeyReadsOnlyItsOwn() {
        assertThat(api.get("/partners/beta/balances", acmeKey).status()).isEqualTo(404);
        assertThat(api.get("/partners/beta/statements/2026-Q3", acmeKey).status()).isEqualTo(404);
        assertThat(api.get("/earnings?partner=beta", acmeKey).status()).isEqualTo(404);
        JsonNode own = earnings("", acmeKey);
        assertThat(own).isNotEmpty();
        own.forEach(line -> assertThat(line.get("payee").asText()).isEqualTo("acme"));
    }

    @Test
    @Order(7)
    void anEventHeldForAnUnknownPartnerCountsOnceThePartnerExists() throws Exception {
        ApiFixture.Reply held = ingest(sale("g-1", "2026-10-07T15:00:00Z", "gamma", "valves", "2000.00"));
        assertThat(held.json().get("held").asInt()).isEqualTo(1);
        awaitBooked();
        assertThat(earnings("?partner=gamma", api.adminKey)).isEmpty();
        assertThat(api.postJson("/partners", api.adminKey, """
                {"id": "gamma", "name": "gamma", "type": "distributor", "attributes": {"map_compliant": true, "payment_terms_days": 30}}""")
                .status()).isEqualTo(201);
        ingest(sale("g-2", "2026-10-08T15:00:00Z", "beta", "valves", "10.00"));
        awaitBooked();
        JsonNode lines = earnings("?partner=gamma", api.adminKey);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("amount").asText()).isEqualTo("20.00");
    }

    @Test
    @Order(8)
    void theLedgerVerifies() {
        var verification = new LedgerVerifier(api.server.database().dataSource()).verify();
        assertThat(verification.differences()).as(verification.summary()).isEmpty();
    }
}
