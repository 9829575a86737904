package dev.accrue.core.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A catalogue of broken programs. Each is the valid {@link #BASE} with one fault written in, and must be
 * rejected with a message a program owner understands, at the line (and, where given, the column and
 * field path) of the fault.
 */
class BrokenProgramsTest {
    /** Line numbers matter: the cases below name them. */
    static final String BASE = """
            program: test-rebate
            name: Test rebate
            kind: rebate
            currency: USD
            calendar: {period: quarter, timezone: UTC}
            effective: {from: 2026-01-01}
            tracks:
              - name: distributors
                partners: partner.type == 'distributor'
                gates:
                  - {name: returns, when: period.returns_rate < 0.05}
                rules:
                  - name: base
                    on: sale
                    when: event.quantity > 0
                    basis: net_amount
                    rate: 2%
            """;

    static final String TIERS = """
                    basis: net_amount
                    tiers:
                      measure: qualifying
                      mode: retroactive
                      bands:
                        - {name: silver, from: 0, rate: 1%}
                        - {name: gold, from: 100000, rate: 2%}
                        - {name: platinum, from: 250000, rate: 3%}
            """;

    /** A fault: the document, and where and what the error must say. {@code column} 0: not checked. */
    record Case(String title, String document, int line, int column, String field, List<String> fragments) {
        @Override
        public String toString() {
            return title;
        }
    }

    private static Case broken(String title, String find, String replace, int line, int column, String field, String... fragments) {
        assertThat(BASE).as("the base holds %s", find).contains(find);
        return new Case(title, BASE.replace(find, replace), line, column, field, List.of(fragments));
    }

    private static Case tiered(String title, String find, String replace, int line, String field, String... fragments) {
        String document = BASE.replace("        basis: net_amount\n        rate: 2%\n", TIERS);
        assertThat(document).contains(find);
        return new Case(title, document.replace(find, replace), line, 0, field, List.of(fragments));
    }

    static Stream<Case> cases() {
        return Stream.of(
                broken("an unknown field is named, with the closest allowed one and the list", "name: Test rebate\n",
                        "name: Test rebate\nbugdet: {total: 100}\n", 3, 1, "bugdet",
                        "unknown field 'bugdet' (did you mean 'budget'?)", "a program has program, name, kind, currency"),
                broken("an unknown field inside a rule carries the rule's path", "rate: 2%\n", "rate: 2%\n        bassis: net_amount\n",
                        18, 9, "tracks[0].rules[0].bassis", "unknown field 'bassis' (did you mean 'basis'?)", "a rule has name, on, when"),
                broken("a list where an expression belongs is a wrong type", "partners: partner.type == 'distributor'", "partners: [a, b]",
                        9, 15, "tracks[0].partners", "expected a CEL expression, found a list"),
                broken("a word where a boolean belongs is a wrong type", "rate: 2%\n", "rate: 2%\n        once: maybe\n",
                        18, 15, "tracks[0].rules[0].once", "expected true or false, found the text 'maybe'"),
                broken("a word where a whole number belongs is a wrong type", "effective: {from: 2026-01-01}\n",
                        "effective: {from: 2026-01-01}\nstacking: {group: volume, priority: first}\n", 7, 0, "stacking.priority",
                        "expected a whole number, found the text 'first'"),
                broken("a CEL syntax error points at its column", "when: event.quantity > 0", "when: event.quantity >",
                        15, 31, "tracks[0].rules[0].when", "syntax error: mismatched input '<EOF>'"),
                broken("a CEL type error points at the operator", "when: event.quantity > 0", "when: period.returns_rate < 'high'",
                        15, 35, "tracks[0].rules[0].when", "'<' cannot be applied to (double, string)"),
                broken("a misspelled measure names the measures", "period.returns_rate < 0.05", "period.return_rate < 0.05",
                        11, 0, "tracks[0].gates[0].when", "'return_rate' is not a period measure (did you mean 'returns_rate'?)",
                        "net_sales, gross_sales, units, returns, returns_rate, mix, count, growth"),
                broken("a number is not a condition", "when: event.quantity > 0", "when: period.net_sales",
                        15, 0, "tracks[0].rules[0].when", "a condition must be true or false", "double"),
                broken("a gate cannot read the event", "when: period.returns_rate < 0.05", "when: event.quantity > 0",
                        11, 0, "tracks[0].gates[0].when", "'event' is not available in a gate; it can read partner, period, prior"),
                broken("a track's partner selector reads only the partner", "partners: partner.type == 'distributor'",
                        "partners: customer.tier == 'gold'", 9, 15, "tracks[0].partners",
                        "'customer' is not available in a track's partners selector; it can read partner"),
                broken("an unknown event type is refused with the closest one", "on: sale", "on: sales",
                        14, 13, "tracks[0].rules[0].on", "'sales' is not an event type (did you mean 'sale'?)", "period_close"),
                tiered("overlapping tier bands are refused, naming both", "{name: platinum, from: 250000", "{name: platinum, from: 100000",
                        23, "tracks[0].rules[0].tiers.bands[2].from", "band 'platinum' starts from 100000, the same as band 'gold'", "must not overlap"),
                tiered("unordered tier bands are refused, naming both", "{name: platinum, from: 250000", "{name: platinum, from: 50000",
                        23, "tracks[0].rules[0].tiers.bands[2].from", "band 'platinum' (from 50000) comes after band 'gold' (from 100000)", "ascending"),
                tiered("the first tier band starts from zero", "{name: silver, from: 0,", "{name: silver, from: 1000,",
                        21, "tracks[0].rules[0].tiers.bands[0].from", "the first band starts from 0", "found 1000"),
                tiered("a tier mode is retroactive or incremental", "mode: retroactive", "mode: retro",
                        19, "tracks[0].rules[0].tiers.mode", "'retro' is not one of retroactive, incremental"),
                tiered("a tier measure is qualifying or a numeric measure", "measure: qualifying", "measure: net_sale",
                        18, "tracks[0].rules[0].tiers.measure", "'net_sale' is not one of qualifying, net_sales", "did you mean 'net_sales'"),
                tiered("a tier band needs a rate", "{name: gold, from: 100000, rate: 2%}", "{name: gold, from: 100000}",
                        22, "tracks[0].rules[0].tiers.bands[1].rate", "'rate' is required"),
                broken("a percent over 100% is refused", "rate: 2%", "rate: 150%", 17, 15, "tracks[0].rules[0].rate", "150% is over 100%"),
                broken("a bare rate above 1 in a currency is refused", "rate: 2%", "rate: 2", 17, 15, "tracks[0].rules[0].rate",
                        "a rate of 2 pays 2 times the basis", "write a percent (2%)", "non-cash units"),
                broken("a negative rate is refused", "rate: 2%", "rate: -1%", 17, 15, "tracks[0].rules[0].rate", "a rate cannot be negative"),
                broken("a rule with two amount forms is refused, listing the forms", "rate: 2%\n", "rate: 2%\n        flat: 10.00\n",
                        18, 15, "tracks[0].rules[0].flat", "a rule has one amount form, this one has rate and flat",
                        "basis + rate, basis + tiers, flat or per_unit"),
                broken("a rule with no amount form is refused, listing the forms", "        basis: net_amount\n        rate: 2%\n", "",
                        13, 0, "tracks[0].rules[0]", "a rule needs an amount: basis + rate, basis + tiers, flat or per_unit"),
                broken("a basis without a rate or tiers is refused", "        rate: 2%\n", "",
                        13, 0, "tracks[0].rules[0]", "basis needs a rate or tiers"),
                broken("a flat amount with a basis is refused", "rate: 2%", "flat: 10.00", 16, 0, "tracks[0].rules[0].basis",
                        "basis goes with rate or tiers; flat pays without a basis"),
                broken("approval limits out of order are refused", "effective: {from: 2026-01-01}\n",
                        "effective: {from: 2026-01-01}\napproval:\n  - {role: channel_manager, up_to: 5000}\n  - {role: director, up_to: 2500}\n  - {role: finance}\n",
                        9, 0, "approval[1].up_to", "up_to 2500.00 is not above the previous step's 5000.00"),
                broken("an approval step without a limit must be the last", "effective: {from: 2026-01-01}\n",
                        "effective: {from: 2026-01-01}\napproval:\n  - {role: finance}\n  - {role: cfo, up_to: 100}\n",
                        8, 0, "approval[0]", "a step without up_to approves any amount, so it must be the last step"),
                broken("a misspelled time zone is refused with the closest one", "timezone: UTC", "timezone: America/Chicgo",
                        5, 0, "calendar.timezone", "'America/Chicgo' is not an IANA time zone", "did you mean 'America/Chicago'?"),
                broken("a period other than month, quarter or year is refused", "period: quarter", "period: week",
                        5, 0, "calendar.period", "'week' is not one of month, quarter, year"),
                broken("an amount with more decimals than its currency is refused", "        basis: net_amount\n        rate: 2%\n",
                        "        flat: 10.005\n", 16, 15, "tracks[0].rules[0].flat", "10.005 has more decimal places than USD has (2)"),
                broken("a zero cap is refused", "rate: 2%\n", "rate: 2%\n        caps: {per_event: 0}\n",
                        18, 0, "tracks[0].rules[0].caps.per_event", "must be more than zero"),
                broken("a cap per payee needs a payee", "rate: 2%\n", "rate: 2%\n        caps: {per_payee_period: 100}\n",
                        18, 0, "tracks[0].rules[0].caps.per_payee_period", "needs the rule's payee"),
                broken("currency and unit together are refused", "currency: USD\n", "currency: USD\nunit: points\n",
                        5, 7, "unit", "write either currency", "not both"),
                broken("a program without currency or unit is refused", "currency: USD\n", "",
                        1, 1, "currency", "'currency' (an ISO 4217 code such as USD) or 'unit' (a non-cash unit such as points) is required"),
                broken("an unknown currency is refused", "currency: USD", "currency: USX", 4, 11, "currency", "'USX' is not an ISO 4217 currency code"),
                broken("a missing name is required", "name: Test rebate\n", "", 1, 1, "name", "'name' is required"),
                broken("an unknown kind is refused with the closest one", "kind: rebate", "kind: rebates", 3, 7, "kind",
                        "'rebates' is not one of rebate, volume_discount", "did you mean 'rebate'?"),
                broken("a program id is a slug", "program: test-rebate", "program: Test Rebate", 1, 10, "program", "a program id is a slug"),
                broken("an end before the start is refused", "effective: {from: 2026-01-01}", "effective: {from: 2026-01-01, to: 2025-12-31}",
                        6, 0, "effective.to", "ends (2025-12-31) before it starts (2026-01-01)"),
                broken("a date in another form is refused", "effective: {from: 2026-01-01}", "effective: {from: 01/01/2026}",
                        6, 0, "effective.from", "expected a date such as 2026-01-31"),
                broken("a basis that is not an amount of the event is refused", "on: sale", "on: payment",
                        16, 16, "tracks[0].rules[0].basis", "'net_amount' is not an amount of a payment event; its basis is amount"),
                broken("a period measure as the basis of an event rule is refused", "basis: net_amount", "basis: period.net_sales",
                        16, 0, "tracks[0].rules[0].basis", "a period measure is the basis of a period_close rule"),
                broken("a period_close rule earns on a period measure", "        on: sale\n        when: event.quantity > 0\n",
                        "        on: period_close\n", 15, 0, "tracks[0].rules[0].basis",
                        "'net_amount' is not a numeric period measure; a period_close rule's basis is one of period.net_sales"),
                broken("a period_close rule cannot read the event", "on: sale", "on: period_close",
                        15, 0, "tracks[0].rules[0].when", "'event' is not available in a period_close rule"),
                broken("per_unit needs an event with a quantity", "        on: sale\n        when: event.quantity > 0\n        basis: net_amount\n        rate: 2%\n",
                        "        on: serial.registered\n        per_unit: 5\n", 15, 0, "tracks[0].rules[0].per_unit",
                        "per_unit needs an event with a quantity (return, sale, usage)"),
                broken("split by attribution needs the program's attribution", "rate: 2%\n", "rate: 2%\n        split: attribution\n",
                        18, 0, "tracks[0].rules[0].split", "needs the program's attribution block"),
                broken("position-based shares above 100% together are refused", "effective: {from: 2026-01-01}\n",
                        "effective: {from: 2026-01-01}\nattribution: {model: position_based, first: 60%, last: 50%, lookback_days: 30}\n",
                        7, 0, "attribution.last", "first and last together are 110%"),
                broken("an unknown attribution model is refused", "effective: {from: 2026-01-01}\n",
                        "effective: {from: 2026-01-01}\nattribution: {model: last_click, lookback_days: 30}\n",
                        7, 0, "attribution.model", "'last_click' is not one of first_touch, last_touch, linear, time_decay, position_based"),
                broken("a duplicate key is refused, naming the first", "rate: 2%\n", "rate: 2%\n        rate: 3%\n",
                        18, 9, "tracks[0].rules[0].rate", "'rate' appears twice in one map (first on line 17)"),
                broken("a multiplier factor of zero is refused", "rate: 2%\n",
                        "rate: 2%\n        multipliers:\n          - {name: bulk, when: event.quantity > 5, factor: 0}\n",
                        19, 0, "tracks[0].rules[0].multipliers[0].factor", "a factor is more than 0"),
                broken("an unquoted expression with brackets in a one-line map is a YAML error with a hint",
                        "when: period.returns_rate < 0.05}", "when: period.mix['pumps'] >= 0.3}", 11, 0, "",
                        "not valid YAML", "must be in quotes"),
                broken("once and once_per together are refused", "rate: 2%\n", "rate: 2%\n        once: true\n        once_per: event.serial_number\n",
                        19, 0, "tracks[0].rules[0].once_per", "write once (once per partner) or once_per (once per value), not both"),
                broken("a payee on a period_close rule is refused", "        on: sale\n        when: event.quantity > 0\n        basis: net_amount\n",
                        "        on: period_close\n        payee: event.rep_id\n        basis: period.net_sales\n", 15, 0, "tracks[0].rules[0].payee",
                        "payee reads the event, and a period_close rule has none"),
                broken("a fund outside an mdf program is refused", "    gates:\n",
                        "    fund: {allocate: {basis: prior.net_sales, rate: 2%}, reimburse: {share: 50%, proof: [invoice]}}\n    gates:\n",
                        10, 0, "tracks[0].fund", "fund belongs to mdf programs; this one is rebate"),
                broken("anchors are refused", "calendar: {period", "calendar: &cal {period", 5, 0, "calendar", "anchors (&name) are not supported"),
                broken("duplicate rule names in a track are refused", "rate: 2%\n", "rate: 2%\n      - {name: base, on: sale, flat: 5.00}\n",
                        18, 0, "tracks[0].rules[1].name", "another rule of this track is also named 'base'"),
                broken("required claims need a window", "effective: {from: 2026-01-01}\n",
                        "effective: {from: 2026-01-01}\nclaims: {required: true, proof: [invoice]}\n", 7, 0, "claims.window_days", "'window_days' is required"),
                broken("an unknown payout cadence is refused", "effective: {from: 2026-01-01}\n",
                        "effective: {from: 2026-01-01}\npayout: {cadence: weekly, method: bank_transfer}\n",
                        7, 0, "payout.cadence", "'weekly' is not one of monthly, quarterly, yearly"),
                broken("a clawback runs on returns or refunds", "effective: {from: 2026-01-01}\n",
                        "effective: {from: 2026-01-01}\nclawback: {on: sale, within_days: 90}\n",
                        7, 0, "clawback.on", "'sale' is not one of return, refund"),
                broken("a second document in one file is refused", "rate: 2%\n", "rate: 2%\n---\nprogram: other\n",
                        19, 0, "", "a document holds one program"),
                broken("an empty track list is refused", "tracks:\n", "tracks: []\nrest:\n", 7, 0, "tracks", "a program has at least one track"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBrokenProgramIsRejectedWithAMessageAtItsPlace(Case broken) {
        ParseResult result = ProgramParser.parse(broken.document(), "broken.yaml");
        assertThat(result.ok()).as("rejected").isFalse();
        assertThat(result.program()).isNull();
        assertThat(result.errors()).as("errors of:%n%s", broken.document()).anySatisfy(error -> {
            assertThat(error.source()).isEqualTo("broken.yaml");
            assertThat(error.line()).isEqualTo(broken.line());
            if (broken.column() > 0) assertThat(error.column()).isEqualTo(broken.column());
            assertThat(error.field()).isEqualTo(broken.field());
            assertThat(error.message()).contains(broken.fragments());
        });
    }

    @Test
    void theBaseProgramIsValid() {
        assertThat(ProgramParser.parse(BASE, "base.yaml").errors()).isEmpty();
    }

    @Test
    void allFaultsAreReportedNotJustTheFirst() {
        String document = BASE.replace("kind: rebate", "kind: rebates").replace("timezone: UTC", "timezone: Mars/Olympus").replace("rate: 2%", "rate: 200%");
        ParseResult result = ProgramParser.parse(document, "three.yaml");
        assertThat(result.errors()).extracting(ProgramError::field).containsExactly("kind", "calendar.timezone", "tracks[0].rules[0].rate");
        assertThat(result.errors().get(0).format()).startsWith("three.yaml:3:7: kind: 'rebates' is not one of");
    }

    @Test
    void aJsonProgramReportsFaultsAtItsJsonLines() {
        String json = """
                {
                  "program": "p", "name": "P", "kind": "rebate", "currency": "USD",
                  "calendar": {"period": "month", "timezone": "UTC"}, "effective": {"from": "2026-01-01"},
                  "tracks": [{"name": "all", "rules": [
                    {"name": "r", "on": "sales", "basis": "net_amount", "rate": "2%"}]}]
                }
                """;
        assertThat(ProgramParser.parse(json, "p.json").errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.column()).isEqualTo(25);
            assertThat(error.field()).isEqualTo("tracks[0].rules[0].on");
        });
    }

    @Test
    void invalidJsonIsReportedWithItsPlace() {
        ParseResult result = ProgramParser.parse("{\n  \"program\": \"p\",\n  \"name\" \"P\"\n}", "p.json");
        assertThat(result.canonicalJson()).isNull();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void aDocumentThatIsNotAMapIsRefused() {
        assertThat(ProgramParser.parse("- a\n- b\n", "list.yaml").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("expected a program (a map of fields), found a list"));
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThat(ProgramParser.parse("# nothing\n", "empty.yaml").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("the document is empty"));
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedUnread() {
        String huge = BASE + "#" + "x".repeat(ProgramLimits.DOCUMENT_CHARS_MAX) + "\n";
        assertThat(ProgramParser.parse(huge, "huge.yaml").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("the limit is " + ProgramLimits.DOCUMENT_CHARS_MAX));
    }

    @Test
    void moreTracksThanTheLimitAreRefused() {
        StringBuilder tracks = new StringBuilder();
        for (int i = 0; i <= ProgramLimits.TRACKS_MAX; i++) {
            tracks.append("  - {name: t").append(i).append(", rules: [{name: r, on: sale, basis: net_amount, rate: 1%}]}\n");
        }
        String document = BASE.substring(0, BASE.indexOf("tracks:\n") + "tracks:\n".length()) + tracks;
        assertThat(ProgramParser.parse(document, "many.yaml").errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("tracks");
            assertThat(error.message()).isEqualTo("has 21 items; the limit is 20");
        });
    }

    @Test
    void nestingPastTheLimitIsRefused() {
        String deep = "[".repeat(ProgramLimits.NESTING_DEPTH_MAX + 2) + "]".repeat(ProgramLimits.NESTING_DEPTH_MAX + 2);
        ParseResult result = ProgramParser.parse(BASE + "redemption: " + deep + "\n", "deep.yaml");
        assertThat(result.errors()).anySatisfy(error -> assertThat(error.message()).contains("nested deeper than " + ProgramLimits.NESTING_DEPTH_MAX));
    }

    @Test
    void anExpressionInABlockScalarReportsTheLineInsideTheBlock() {
        String document = BASE.replace("        when: event.quantity > 0\n", "        when: |\n          event.quantity > 0 &&\n          period.net_sale > 10\n");
        assertThat(ProgramParser.parse(document, "block.yaml").errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(17);
            assertThat(error.column()).isEqualTo(17);
            assertThat(error.message()).contains("'net_sale' is not a period measure");
        });
    }
}
