package dev.accrue.core.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    private static final String YAML = """
            # a comment
            program: p
            name: P
            kind: rebate
            currency: USD
            calendar: {period: month, timezone: UTC}
            effective: {from: 2026-01-01}
            tracks:
              - name: all
                rules:
                  - {name: r, on: sale, basis: net_amount, rate: 2%, caps: {per_event: 1000.00}}
            """;

    @Test
    void keyOrderCommentsAndLayoutDoNotChangeTheCanonicalJson() {
        String reordered = """
                kind: rebate
                name: "P"
                program: p
                effective:
                  from: 2026-01-01
                calendar:
                  timezone: UTC
                  period: month
                currency: USD
                tracks:
                  - rules:
                      - caps: {per_event: 1000.00}
                        rate: 2%
                        basis: net_amount
                        on: sale
                        name: r
                    name: all
                """;
        assertThat(ProgramParser.parse(reordered, "b").canonicalJson()).isEqualTo(ProgramParser.parse(YAML, "a").canonicalJson());
    }

    @Test
    void jsonAndYamlOfTheSameProgramHaveTheSameCanonicalJson() {
        String json = """
                {
                \t"program": "p", "name": "P", "kind": "rebate", "currency": "USD",
                \t"calendar": {"period": "month", "timezone": "UTC"}, "effective": {"from": "2026-01-01"},
                \t"tracks": [{"name": "all", "rules": [{"name": "r", "on": "sale", "basis": "net_amount", "rate": "2%", "caps": {"per_event": 1000.00}}]}]
                }
                """;
        ParseResult fromJson = ProgramParser.parse(json, "json");
        assertThat(fromJson.errors()).isEmpty();
        assertThat(fromJson.canonicalJson()).isEqualTo(ProgramParser.parse(YAML, "yaml").canonicalJson());
    }

    @Test
    void theCanonicalJsonSortsKeysAndKeepsNumbersAsWritten() {
        assertThat(ProgramParser.parse(YAML, "a").canonicalJson()).isEqualTo(
                "{\"calendar\":{\"period\":\"month\",\"timezone\":\"UTC\"},\"currency\":\"USD\",\"effective\":{\"from\":\"2026-01-01\"},"
                        + "\"kind\":\"rebate\",\"name\":\"P\",\"program\":\"p\",\"tracks\":[{\"name\":\"all\",\"rules\":[{\"basis\":\"net_amount\","
                        + "\"caps\":{\"per_event\":1000.00},\"name\":\"r\",\"on\":\"sale\",\"rate\":\"2%\"}]}]}");
    }

    @Test
    void aChangedValueChangesTheCanonicalJson() {
        assertThat(ProgramParser.parse(YAML.replace("2%", "3%"), "b").canonicalJson())
                .isNotEqualTo(ProgramParser.parse(YAML, "a").canonicalJson());
    }

    @Test
    void aWellFormedButInvalidProgramStillHasItsCanonicalJson() {
        ParseResult result = ProgramParser.parse(YAML.replace("kind: rebate", "kind: rebates"), "a");
        assertThat(result.ok()).isFalse();
        assertThat(result.canonicalJson()).contains("\"kind\":\"rebates\"");
    }
}
