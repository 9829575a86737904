package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accrue.http.port.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProgramsApiTest {
    static final Path EXAMPLES = Path.of("..", "examples", "programs");
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ApiFixture.Reply postYaml(String yaml) {
        return api.call("POST", "/programs", api.adminKey, yaml, "application/yaml");
    }

    @Test
    void aProgramPostedTwiceUnchangedMakesOneVersion() {
        String yaml = example("spif-q4-pumps.yaml");
        ApiFixture.Reply first = postYaml(yaml);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        ApiFixture.Reply again = postYaml(yaml + "\n# only a comment differs\n");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        String id = first.json().get("program").asText();
        assertThat(api.get("/programs/" + id, api.adminKey).json().get("versions")).hasSize(1);
    }

    @Test
    void aChangedProgramBecomesTheNextVersionAndBothStayReadable() {
        String yaml = example("mdf-fund.yaml");
        JsonNode first = postYaml(yaml).json();
        String changed = yaml.replaceFirst("name: ([^\\n]*)", "name: $1 (revised)");
        ApiFixture.Reply second = api.call("POST", "/programs?effective_from=2099-01-01", api.adminKey, changed, "application/yaml");
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.json().get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);
        assertThat(second.json().get("effective_from").asText()).isEqualTo("2099-01-01");
        String id = first.get("program").asText();
        JsonNode program = api.get("/programs/" + id, api.adminKey).json();
        assertThat(program.get("versions")).hasSize(2);
        JsonNode v1 = api.get("/programs/" + id + "/versions/1", api.adminKey).json();
        assertThat(v1.get("source").asText()).isEqualTo(yaml);
        assertThat(v1.get("canonical").isObject()).isTrue();
    }

    @Test
    void theSameNewProgramPostedByManyAtOnceBecomesOneVersion() throws Exception {
        String yaml = example("dealer-volume-incremental.yaml");
        int posters = 6;
        java.util.List<java.util.concurrent.Future<ApiFixture.Reply>> replies = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(posters)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < posters; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return postYaml(yaml);
                }));
            }
            start.countDown();
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var reply : replies) statuses.add(reply.get().status());
        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        String id = replies.get(0).get().json().get("program").asText();
        assertThat(api.get("/programs/" + id, api.adminKey).json().get("versions")).hasSize(1);
    }

    @Test
    void anInvalidProgramIsA422ProblemListingEveryError() {
        ApiFixture.Reply reply = postYaml("program: broken\nname: Broken\nkind: rebate\ncurrency: USD\nsurprise: 1\n");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:accrue:problem:validation");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/programs");
        assertThat(problem.get("errors").size()).isGreaterThanOrEqualTo(1);
        assertThat(problem.get("errors").findValuesAsText("field")).contains("surprise");
        JsonNode surprise = problem.get("errors").findParents("field").stream()
                .filter(error -> error.get("field").asText().equals("surprise")).findFirst().orElseThrow();
        assertThat(surprise.get("line").asInt()).isEqualTo(5);
        assertThat(surprise.get("column").asInt()).isPositive();
    }

    @Test
    void aProgramInAnotherContentTypeIsA415() {
        ApiFixture.Reply reply = api.call("POST", "/programs", api.adminKey, "program: x", "text/plain");
        assertThat(reply.status()).isEqualTo(415);
    }

    @Test
    void theSameProgramAsJsonIsTheSameVersion() throws IOException {
        String yaml = example("integration-milestones.yaml");
        ApiFixture.Reply first = postYaml(yaml);
        Object tree = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(yaml, Object.class);
        String json = ApiFixture.JSON.writeValueAsString(tree);
        ApiFixture.Reply asJson = api.call("POST", "/programs", api.adminKey, json, "application/json");
        assertThat(asJson.status()).as(asJson.text()).isEqualTo(200);
        assertThat(asJson.json().get("version").asInt()).isEqualTo(first.json().get("version").asInt());
    }

    @Test
    void onlyProgramManagersAndAdminsPublishButEveryRoleReads() {
        String finance = api.keyFor("finance-programs", Role.FINANCE, null);
        assertThat(api.call("POST", "/programs", finance, example("deal-registration.yaml"), "application/yaml").status()).isEqualTo(403);
        String manager = api.keyFor("pm-programs", Role.PROGRAM_MANAGER, null);
        assertThat(api.call("POST", "/programs", manager, example("deal-registration.yaml"), "application/yaml").status()).isIn(200, 201);
        assertThat(api.get("/programs", finance).json().get("items").size()).isPositive();
    }

    @Test
    void anUnknownProgramOrVersionIsA404Problem() {
        assertThat(api.get("/programs/no-such-program", api.adminKey).status()).isEqualTo(404);
        assertThat(api.get("/programs/no-such-program/versions/1", api.adminKey).status()).isEqualTo(404);
        assertThat(api.get("/programs/no-such-program/versions/x", api.adminKey).status()).isEqualTo(404);
    }
}
