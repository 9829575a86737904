package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutesTheServerHas() {
        try (ApiFixture api = new ApiFixture()) {
            JsonNode paths = api.get("/openapi.json", null).json().get("paths");
            List<String> documented = new ArrayList<>();
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                    method -> documented.add(method.toUpperCase(Locale.ROOT) + " /api/v1" + path.getKey())));
            assertThat(documented).containsExactlyInAnyOrderElementsOf(api.server.routes());
        }
    }
}
