package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.http.port.Role;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A partner key against every partner-scoped endpoint of another partner: always 404, exactly like a
 * partner that does not exist, and no byte of the other partner in the answer.
 */
class AccessMatrixTest {
    static final String SECRET_NAME = "Bravo Secret Holdings";
    private static ApiFixture api;
    private static String keyA;
    private static long userB;
    private static long keyIdB;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
        api.postJson("/partners", api.adminKey, "{\"id\": \"alpha\", \"name\": \"Alpha\", \"type\": \"dealer\"}");
        api.postJson("/partners", api.adminKey, "{\"id\": \"bravo\", \"name\": \"" + SECRET_NAME + "\", \"type\": \"dealer\", \"attributes\": {\"margin\": 0.31}}");
        keyA = api.keyFor("user-alpha", Role.PARTNER, "alpha");
        String keyB = api.keyFor("user-bravo", Role.PARTNER, "bravo");
        userB = api.get("/me", keyB).json().get("id").asLong();
        keyIdB = api.get("/me", keyB).json().get("api_key_id").asLong();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Stream<Arguments> otherPartnersEndpoints() {
        String change = "{\"name\": \"Taken Over\", \"type\": \"dealer\"}";
        return Stream.of(
                Arguments.of("GET", "/partners/bravo", null, 404),
                Arguments.of("GET", "/partners/bravo?as_of=2026-01-01", null, 404),
                Arguments.of("PUT", "/partners/bravo", change, 404),
                Arguments.of("GET", "/partners/no-such-partner", null, 404),
                Arguments.of("POST", "/partners", "{\"id\": \"bravo-2\", \"name\": \"New\", \"type\": \"dealer\", \"parent\": \"bravo\"}", 403),
                Arguments.of("GET", "/users", null, 403),
                Arguments.of("POST", "/users", "{\"name\": \"spy\", \"role\": \"partner\", \"partner_id\": \"bravo\"}", 403),
                Arguments.of("POST", "/users/{userB}/api-keys", "", 404),
                Arguments.of("GET", "/api-keys?user_id={userB}", null, 404),
                Arguments.of("DELETE", "/api-keys/{keyB}", null, 404),
                Arguments.of("POST", "/programs", "program: p", 403));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("otherPartnersEndpoints")
    void aPartnerKeyIsRefusedEverythingOfAnotherPartner(String method, String path, String body, int expected) {
        String resolved = path.replace("{userB}", Long.toString(userB)).replace("{keyB}", Long.toString(keyIdB));
        ApiFixture.Reply reply = api.call(method, resolved, keyA, body, body == null ? null : (path.equals("/programs") ? "application/yaml" : "application/json"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(expected);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text()).doesNotContain(SECRET_NAME).doesNotContain("0.31");
    }

    @Test
    void theAnswerForAnotherPartnerIsTheAnswerForNoPartner() {
        JsonNode other = api.get("/partners/bravo", keyA).json();
        JsonNode none = api.get("/partners/nobody", keyA).json();
        assertThat(other.get("title")).isEqualTo(none.get("title"));
        assertThat(other.get("type")).isEqualTo(none.get("type"));
    }

    @Test
    void aPartnerListsOnlyItself() {
        JsonNode page = api.get("/partners", keyA).json();
        assertThat(page.get("items").findValuesAsText("id")).containsExactly("alpha");
        assertThat(api.get("/partners?cursor=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("1:a".getBytes()), keyA)
                .json().get("items").findValuesAsText("id")).containsExactly("alpha");
    }

    @Test
    void aPartnerReadsButCannotChangeItself() {
        assertThat(api.get("/partners/alpha", keyA).status()).isEqualTo(200);
        assertThat(api.putJson("/partners/alpha", keyA, "{\"name\": \"Alpha\", \"type\": \"dealer\", \"tier\": \"platinum\"}").status()).isEqualTo(403);
        assertThat(api.get("/partners/alpha", keyA).json().get("tier").isNull()).isTrue();
    }

    @Test
    void aPartnerKeySendsItsOwnPartnersEventsOnly() {
        String body = String.join("\n",
                EventsApiTest.sale("matrix-own", "alpha", "10.00"),
                EventsApiTest.sale("matrix-other", "bravo", "10.00"),
                EventsApiTest.sale("matrix-none", null, "10.00"));
        ApiFixture.Reply reply = api.call("POST", "/events", keyA, body, EventsApiTest.JSON_LINES);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode receipt = reply.json();
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
        assertThat(receipt.get("rejected").asInt()).isEqualTo(2);
        assertThat(receipt.get("results").findValuesAsText("reason"))
                .containsExactly("partner: expected alpha (a partner key sends its own partner's events), found bravo",
                        "partner: expected alpha (a partner key sends its own partner's events), found none");
        assertThat(reply.text()).doesNotContain(SECRET_NAME);
        java.util.Set<String> stored = new java.util.HashSet<>();
        api.server.stores().events().forEachInOrder(event -> stored.add(event.id()));
        assertThat(stored).contains("matrix-own").doesNotContain("matrix-other", "matrix-none");
    }

    @Test
    void aPartnerSeesOnlyItsOwnKeys() {
        JsonNode keys = api.get("/api-keys", keyA).json();
        long myUser = api.get("/me", keyA).json().get("id").asLong();
        assertThat(keys.get("items").findValuesAsText("user_id")).containsOnly(Long.toString(myUser));
    }
}
