package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.program.ProgramParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule whose close needs only sums keeps sums ({@link Fold}) instead of matches; the same rule with a cap that
 * never binds keeps every match. Both must give the same earnings, line for line and word for word, on random
 * activity (seeded, STYLE.md 11) with returns inside and after the period and several payees.
 */
class FoldEquivalenceTest {
    private static final String HEADER = """
            name: Test
            kind: rebate
            currency: USD
            calendar: {period: quarter, timezone: America/Chicago}
            effective: {from: 2026-01-01}
            """;
    private static final String UNBOUND_CAP = "\ncaps: {per_event: 999999999}";

    static List<String> rules() {
        return List.of(
                // a rate with multipliers judged on arrival and at close
                """
                        name: rate
                        on: sale
                        when: "event.product_family != 'seals'"
                        basis: net_amount
                        rate: 2.5%
                        multipliers:
                          - {name: direct, when: "event.channel == 'direct'", factor: 1.5}
                          - {name: mix, when: "period.mix['pumps'] >= 0.30", factor: 1.25}""",
                // retroactive bands, paid to the rep
                """
                        name: retro
                        on: sale
                        payee: event.rep_id
                        basis: net_amount
                        tiers:
                          measure: qualifying
                          mode: retroactive
                          bands:
                            - {name: base, from: 0, rate: 1%}
                            - {name: gold, from: 150000, rate: 2%}
                            - {name: top, from: 400000, rate: 3.5%}""",
                // incremental bands on the qualifying basis, a condition judged at close
                """
                        name: incremental
                        on: sale
                        when: "period.returns_rate < 0.5"
                        basis: net_amount
                        tiers:
                          measure: qualifying
                          mode: incremental
                          bands:
                            - {from: 0, rate: 0%}
                            - {from: 50000, rate: 2%}
                            - {from: 200000, rate: 3.25%}""",
                // per unit and flat, with an event multiplier
                """
                        name: units
                        on: sale
                        per_unit: 7.50
                        multipliers:
                          - {name: big, when: "event.quantity >= 10", factor: 2}""",
                """
                        name: flat
                        on: sale
                        when: "event.channel == 'sell_through'"
                        payee: event.rep_id
                        flat: 12.34
                        multipliers:
                          - {name: pumps, when: "event.product_family == 'pumps'", factor: 1.1}""");
    }

    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        List<String> rules = rules();
        for (int r = 0; r < rules.size(); r++) {
            for (long seed = 1; seed <= 4; seed++) cases.add(new Object[] {r, seed});
        }
        return cases;
    }

    @ParameterizedTest(name = "rule {0}, seed {1}")
    @MethodSource("cases")
    void sumsGiveTheSameEarningsAsEveryMatch(int ruleIndex, long seed) {
        String rule = rules().get(ruleIndex);
        String folded = program("folded", rule);
        String exact = program("exact", rule + UNBOUND_CAP);
        var foldedProgram = ProgramParser.parse(folded, "folded.yaml").program();
        var exactProgram = ProgramParser.parse(exact, "exact.yaml").program();
        assertThat(ProgramRun.folds(foldedProgram, foldedProgram.tracks().get(0).rules().get(0))).as("folds").isTrue();
        assertThat(ProgramRun.folds(exactProgram, exactProgram.tracks().get(0).rules().get(0))).as("folds with a cap").isFalse();

        List<String> foldedEarnings = canonical(activity(seed, folded).run("2026-12-31"), "folded");
        List<String> exactEarnings = canonical(activity(seed, exact).run("2026-12-31"), "exact");
        assertThat(foldedEarnings).as("rule %d seed %d", ruleIndex, seed).isNotEmpty().isEqualTo(exactEarnings);
    }

    private static String program(String id, String rule) {
        return "program: " + id + "\n" + HEADER + "tracks:\n  - name: all\n    rules:\n      - "
                + rule.strip().replace("\n", "\n        ") + "\n";
    }

    private static EngineFixture activity(long seed, String program) {
        Random random = new Random(seed);
        EngineFixture fixture = new EngineFixture().program(program);
        for (int p = 0; p < 3; p++) fixture.partner("p" + p, "dealer");
        String[] families = {"pumps", "valves", "seals"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String at = Instant.parse("2026-01-01T06:00:00Z").plusSeconds(random.nextInt(240 * 86_400)).toString();
            String partner = "p" + random.nextInt(3);
            if (!lines.isEmpty() && random.nextInt(5) == 0) {
                fixture.event("r" + i, "return", at, partner, "original_line_id", lines.get(random.nextInt(lines.size())),
                        "net_amount", random.nextInt(3000) + ".25", "quantity", 1);
            } else {
                fixture.sale("s" + i, at, partner, families[random.nextInt(families.length)],
                        (random.nextInt(20_000) + 1) + "." + random.nextInt(10) + "3", "quantity", random.nextInt(14) + 1,
                        "channel", random.nextBoolean() ? "direct" : "sell_through", "rep_id", "rep-" + random.nextInt(3));
                lines.add("L-s" + i);
            }
        }
        return fixture;
    }

    private static List<String> canonical(Simulation.Result result, String programId) {
        return result.earnings().stream().map(e -> e.program().value().replace(programId, "P") + "|" + e.period() + "|"
                + e.partner() + "|" + e.payee() + "|" + e.amount() + "|" + e.tier() + "|" + e.closed() + "|"
                + e.lines().stream().map(l -> l.rule() + "=" + l.amount() + ":" + l.why() + ":"
                        + l.explanation().toString().replace(programId, "P")).toList())
                .toList();
    }
}
