package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.app.client.ApiClient;
import dev.accrue.app.demo.DemoLoader;
import dev.accrue.app.demo.DemoUsers;
import dev.accrue.app.demo.ExamplePrograms;
import dev.accrue.http.port.Role;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void loadingTheDemoTwiceAddsNothingTheSecondTimeAndReplacesTheKeys() {
        try (ApiFixture api = new ApiFixture()) {
            Map<Role, String> first = DemoUsers.ensure(api.server.stores().access(), Clock.systemUTC());
            assertThat(first).containsOnlyKeys(Role.values());
            DemoLoader.Loaded loaded = new DemoLoader(new ApiClient("http://localhost:" + api.server.port(), first.get(Role.ADMIN))).load();
            assertThat(loaded.refused()).isEmpty();
            assertThat(loaded.partners().created()).isGreaterThanOrEqualTo(20);
            assertThat(loaded.programsCreated()).isEqualTo(ExamplePrograms.all().size()).isPositive();

            Map<Role, String> second = DemoUsers.ensure(api.server.stores().access(), Clock.systemUTC());
            assertThat(api.get("/me", first.get(Role.FINANCE)).status()).as("the previous demo key is revoked").isEqualTo(401);
            DemoLoader.Loaded again = new DemoLoader(new ApiClient("http://localhost:" + api.server.port(), second.get(Role.ADMIN))).load();
            assertThat(again.partners().created()).isZero();
            assertThat(again.partners().changed()).isZero();
            assertThat(again.programsCreated()).isZero();
            assertThat(api.get("/partners/" + DemoUsers.PARTNER_ID, second.get(Role.PARTNER)).status()).isEqualTo(200);
            assertThat(api.get("/users", second.get(Role.ADMIN)).json().get("items").findValuesAsText("name"))
                    .filteredOn(name -> name.startsWith("demo-")).hasSize(Role.values().length);
        }
    }
}
