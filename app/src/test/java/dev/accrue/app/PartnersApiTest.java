package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartnersApiTest {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aPartnerReadAsOfATimeHasTheAttributesInForceThen() {
        ApiFixture.Reply created = api.postJson("/partners", api.adminKey, """
                {"id": "dated-dist", "name": "Dated Distribution", "type": "distributor", "tier": "silver",
                 "attributes": {"map_compliant": true, "payment_terms_days": 30}}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        ApiFixture.Reply changed = api.putJson("/partners/dated-dist", api.adminKey, """
                {"name": "Dated Distribution", "type": "distributor", "tier": "gold", "effective_from": "2026-04-01",
                 "attributes": {"map_compliant": false, "payment_terms_days": 45}}""");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("changed").asBoolean()).isTrue();

        JsonNode march = api.get("/partners/dated-dist?as_of=2026-03-31T23:59:59Z", api.adminKey).json();
        assertThat(march.get("tier").asText()).isEqualTo("silver");
        assertThat(march.get("attributes").get("payment_terms_days").asInt()).isEqualTo(30);
        JsonNode april = api.get("/partners/dated-dist?as_of=2026-04-01", api.adminKey).json();
        assertThat(april.get("tier").asText()).isEqualTo("gold");
        assertThat(april.get("attributes").get("map_compliant").asBoolean()).isFalse();
        assertThat(april.get("versions")).hasSize(2);
    }

    @Test
    void sendingTheSameStateAgainStoresNoVersion() {
        String body = """
                {"name": "Steady Dealer", "type": "dealer", "attributes": {"enrolled": ["coop"]}}""";
        api.postJson("/partners", api.adminKey, """
                {"id": "steady", "name": "Steady Dealer", "type": "dealer", "attributes": {"enrolled": ["coop"]}}""");
        ApiFixture.Reply again = api.putJson("/partners/steady", api.adminKey, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(again.json().get("versions")).hasSize(1);
    }

    @Test
    void everyFaultOfAPartnerIsListedInOneProblem() {
        ApiFixture.Reply reply = api.postJson("/partners", api.adminKey, """
                {"id": "bad id!", "type": "Distributor", "attributes": {"ok": 1, "gone": null}, "colour": "red"}""");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsText("field"))
                .contains("id", "name", "type", "attributes.gone", "colour");
    }

    @Test
    void aParentMustExistAndMayNotMakeALoop() {
        api.postJson("/partners", api.adminKey, """
                {"id": "loop-top", "name": "Top", "type": "distributor"}""");
        api.postJson("/partners", api.adminKey, """
                {"id": "loop-child", "name": "Child", "type": "dealer", "parent": "loop-top"}""");
        ApiFixture.Reply missing = api.postJson("/partners", api.adminKey, """
                {"id": "loop-orphan", "name": "Orphan", "type": "dealer", "parent": "no-such-partner"}""");
        assertThat(missing.status()).isEqualTo(422);
        ApiFixture.Reply loop = api.putJson("/partners/loop-top", api.adminKey, """
                {"name": "Top", "type": "distributor", "parent": "loop-child"}""");
        assertThat(loop.status()).isEqualTo(422);
        assertThat(loop.json().get("errors").get(0).get("field").asText()).isEqualTo("parent");
    }

    @Test
    void creatingAPartnerTwiceIsAConflict() {
        String body = """
                {"id": "twice", "name": "Twice", "type": "reseller"}""";
        api.postJson("/partners", api.adminKey, body);
        assertThat(api.postJson("/partners", api.adminKey, body).status()).isEqualTo(409);
    }

    @Test
    void theCursorWalksEveryPartnerOnceInIdOrder() {
        for (int i = 0; i < 7; i++) {
            api.postJson("/partners", api.adminKey, "{\"id\": \"walk-" + i + "\", \"name\": \"Walk " + i + "\", \"type\": \"affiliate\"}");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/partners?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), api.adminKey).json();
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        assertThat(seen).filteredOn(id -> id.startsWith("walk-")).containsExactly("walk-0", "walk-1", "walk-2", "walk-3", "walk-4", "walk-5", "walk-6");
        assertThat(seen).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aPageSizeOverTheLimitIsA400() {
        assertThat(api.get("/partners?limit=100000", api.adminKey).status()).isEqualTo(400);
        assertThat(api.get("/partners?cursor=not-a-cursor", api.adminKey).status()).isEqualTo(400);
    }

    @Test
    void aBodyOverTheSizeLimitIsA413() {
        String huge = "{\"id\": \"big\", \"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"type\": \"dealer\"}";
        assertThat(api.postJson("/partners", api.adminKey, huge).status()).isEqualTo(413);
    }
}
