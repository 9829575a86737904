package dev.accrue.core.partner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.event.LineError;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerParserTest {
    private final PartnerParser parser = new PartnerParser();

    @Test
    void readsThePartnersOfTheWorkedExample() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("../examples/worked/partners.jsonl"), StandardCharsets.UTF_8)) {
            PartnerBatch batch = parser.readAll(reader);
            assertThat(batch.errors()).isEmpty();
            assertThat(batch.partners()).extracting(Partner::id).containsExactly("dist-a", "dist-b", "dist-c", "dist-d");
            Partner.Version acme = batch.partners().get(0).asOf(Instant.parse("2026-02-01T00:00:00Z"));
            assertThat(acme.type()).isEqualTo("distributor");
            assertThat(acme.attributes()).containsEntry("map_compliant", true).containsEntry("payment_terms_days", 30L);
        }
    }

    @Test
    void buildsAnEffectiveDatedHistoryFromLinesWithTheSameId() {
        PartnerBatch batch = read("""
                {"id":"rsl-1","name":"Old Name","type":"reseller","tier":"silver","attributes":{"map_compliant":true}}
                {"id":"dlr-1","name":"Dealer","type":"dealer","parent":"dist-1","attributes":{}}
                {"id":"rsl-1","name":"New Name","type":"reseller","tier":"gold","attributes":{"map_compliant":false},"effective_from":"2026-04-01T00:00:00-05:00"}
                """);

        assertThat(batch.errors()).isEmpty();
        Partner reseller = batch.partners().get(0);
        assertThat(reseller.name()).isEqualTo("New Name");
        assertThat(reseller.versions()).hasSize(2);
        assertThat(reseller.asOf(Instant.parse("2026-04-01T04:59:59Z")).tier()).isEqualTo("silver");
        assertThat(reseller.asOf(Instant.parse("2026-04-01T05:00:00Z")).tier()).isEqualTo("gold");
        assertThat(reseller.asOf(Instant.parse("2026-04-01T05:00:00Z")).attributes()).containsEntry("map_compliant", false);
        assertThat(batch.partners().get(1).parent()).isEqualTo("dist-1");
    }

    @Test
    void takesEachLineAsACompleteSnapshotNotAPatch() {
        PartnerBatch batch = read("""
                {"id":"p","name":"P","type":"dealer","attributes":{"a":1,"b":2}}
                {"id":"p","name":"P","type":"dealer","attributes":{"a":3},"effective_from":"2026-06-01T00:00:00Z"}
                """);
        assertThat(batch.partners().get(0).asOf(Instant.parse("2026-07-01T00:00:00Z")).attributes()).containsOnlyKeys("a");
    }

    @Test
    void refusesASecondLineWithTheSameEffectiveDate() {
        PartnerBatch batch = read("""
                {"id":"p","name":"P","type":"dealer","attributes":{}}
                {"id":"p","name":"P","type":"dealer","attributes":{"x":true}}
                """);
        assertThat(batch.partners()).singleElement().satisfies(p -> assertThat(p.versions()).hasSize(1));
        assertThat(batch.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.field()).isEqualTo("effective_from");
            assertThat(error.found()).isEqualTo("no effective_from again (line 1 has it)");
        });
    }

    @Test
    void refusesEachKindOfBadLineNamingLineAndField() {
        PartnerBatch batch = read("""
                {"name":"P","type":"dealer","attributes":{}}
                {"id":"p","name":"P","type":"Dealer","attributes":{}}
                {"id":"p","name":"P","type":"dealer"}
                {"id":"p","name":"P","type":"dealer","attributes":{},"effective_from":"2026-06-01"}
                {"id":"p","name":"P","type":"dealer","attributes":{},"region":"EU"}
                {"id":"p","name":"P","type":"dealer","parent":"p","attributes":{}}
                {"id":"p","name":"P","type":"dealer","attributes":[]}
                not json
                """);

        assertThat(batch.partners()).isEmpty();
        assertThat(batch.errors()).extracting(LineError::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(batch.errors()).extracting(LineError::field)
                .containsExactly("id", "type", "attributes", "effective_from", "region", "parent", "attributes", "");
        assertThat(batch.errors().get(3).expected()).contains("ISO-8601 instant with offset");
        assertThat(batch.errors().get(6).message()).isEqualTo("attributes: expected an object, found an array");
    }

    @Test
    void readsAttributeValuesAsConditionsSeeThem() {
        PartnerBatch batch = read("""
                {"id":"i","name":"I","type":"integrator","attributes":{"certifications":["installer"],"score":0.5,"days":30}}
                """);
        var attributes = batch.partners().get(0).asOf(Partner.BEGINNING).attributes();
        assertThat(attributes.get("certifications")).isEqualTo(List.of("installer"));
        assertThat(attributes.get("score")).isEqualTo(new java.math.BigDecimal("0.5"));
        assertThat(attributes.get("days")).isEqualTo(30L);
    }

    private PartnerBatch read(String text) {
        return parser.readAll(new StringReader(text));
    }
}
