package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.postgres.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    @TempDir
    Path data;

    @Test
    void dataWrittenThroughTheApiSurvivesARestartOfTheServer() {
        String adminKey;
        try (ApiFixture first = new ApiFixture(Database.embedded(data))) {
            adminKey = first.adminKey;
            assertThat(first.postJson("/partners", adminKey, """
                    {"id": "survivor", "name": "Survivor Supply", "type": "distributor", "attributes": {"payment_terms_days": 30}}""")
                    .status()).isEqualTo(201);
        }
        try (ApiFixture second = new ApiFixture(Database.embedded(data))) {
            ApiFixture.Reply read = second.get("/partners/survivor", adminKey);
            assertThat(read.status()).as("the first admin's key still works after the restart").isEqualTo(200);
            assertThat(read.json().get("attributes").get("payment_terms_days").asInt()).isEqualTo(30);
        }
    }
}
