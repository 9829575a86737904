package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.http.ApiKeys;
import dev.accrue.http.port.Role;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessApiTest {
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
    void healthAnswersWithoutAKeyAndEverythingElseNeedsOne() {
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        assertThat(api.get("/openapi.json", null).json().get("openapi").asText()).startsWith("3.");
        ApiFixture.Reply anonymous = api.get("/partners", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/partners", "ak_notakey").status()).isEqualTo(401);
        assertThat(api.get("/partners", ApiKeys.generate().text()).status()).as("well-formed but unknown").isEqualTo(401);
    }

    @Test
    void anUnknownPathIsA404AndAnUnknownMethodA405Problem() {
        ApiFixture.Reply path = api.get("/nowhere", api.adminKey);
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.json().get("detail").asText()).contains("/api/v1/nowhere");
        ApiFixture.Reply method = api.call("DELETE", "/partners/any", api.adminKey, null, null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/problem+json");
    }

    @Test
    void meNamesTheActorBehindTheKey() {
        String key = api.keyFor("partner-me", Role.PARTNER, "acme");
        JsonNode me = api.get("/me", key).json();
        assertThat(me.get("name").asText()).isEqualTo("partner-me");
        assertThat(me.get("role").asText()).isEqualTo("partner");
        assertThat(me.get("partner_id").asText()).isEqualTo("acme");
    }

    @Test
    void aKeyIsShownOnceStoredHashedAndRefusedOnceRevoked() {
        JsonNode user = api.postJson("/users", api.adminKey, """
                {"name": "finance-keys", "role": "finance"}""").json();
        ApiFixture.Reply issued = api.postJson("/users/" + user.get("id").asLong() + "/api-keys", api.adminKey, """
                {"label": "laptop"}""");
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().get("key").asText();
        long keyId = issued.json().get("id").asLong();
        assertThat(api.get("/me", key).status()).isEqualTo(200);

        String listing = api.get("/api-keys?user_id=" + user.get("id").asLong(), api.adminKey).text();
        assertThat(listing).contains(issued.json().get("prefix").asText()).doesNotContain(key);
        List<String> stored = api.server.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT prefix || ' ' || sha256 FROM api_keys WHERE id = :id").bind("id", keyId).mapTo(String.class).list());
        assertThat(stored).singleElement().asString().doesNotContain(key).contains(ApiKeys.sha256(key));

        assertThat(api.call("DELETE", "/api-keys/" + keyId, key, null, null).status()).as("a user revokes their own key").isEqualTo(204);
        assertThat(api.get("/me", key).status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminManagesUsers() {
        String manager = api.keyFor("cm-users", Role.CHANNEL_MANAGER, null);
        assertThat(api.postJson("/users", manager, "{\"name\": \"x\", \"role\": \"admin\"}").status()).isEqualTo(403);
        assertThat(api.get("/users", manager).status()).isEqualTo(403);
        assertThat(api.get("/users", api.adminKey).json().get("items").size()).isPositive();
    }

    @Test
    void aUserIsCheckedBeforeItIsCreated() {
        ApiFixture.Reply reply = api.postJson("/users", api.adminKey, """
                {"name": "", "role": "partner", "extra": 1}""");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsText("field")).contains("name", "partner_id", "extra");
        assertThat(api.postJson("/users", api.adminKey, "{\"name\": \"x\", \"role\": \"emperor\"}").status()).isEqualTo(422);
    }

    @Test
    void aUserIssuesKeysForThemselvesOnly() {
        JsonNode me = api.get("/me", api.keyFor("pm-self", Role.PROGRAM_MANAGER, null)).json();
        String key = api.keyFor("pm-self-2", Role.PROGRAM_MANAGER, null);
        long myId = api.get("/me", key).json().get("id").asLong();
        assertThat(api.postJson("/users/" + myId + "/api-keys", key, "").status()).isEqualTo(201);
        assertThat(api.postJson("/users/" + me.get("id").asLong() + "/api-keys", key, "").status()).isEqualTo(404);
    }
}
