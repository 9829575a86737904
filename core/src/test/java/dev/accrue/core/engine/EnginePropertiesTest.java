package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.attribution.Split;
import dev.accrue.core.event.Event;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants over random inputs drawn from fixed seeds (STYLE.md 11): a failure names its seed and replays exactly. */
class EnginePropertiesTest {
    private static final String[] FAMILIES = {"pumps", "valves", "seals", "motors"};

    private static EngineFixture randomActivity(long seed, String... programs) throws Exception {
        Random random = new Random(seed);
        EngineFixture fixture = new EngineFixture();
        for (String program : programs) fixture.program(program);
        for (int p = 0; p < 4; p++) {
            fixture.partner("p" + p, p % 2 == 0 ? "distributor" : "dealer",
                    Map.of("map_compliant", random.nextInt(4) != 0, "payment_terms_days", 30L));
        }
        List<String> lines = new ArrayList<>();
        int count = 20 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            String at = Instant.parse("2025-12-01T00:00:00Z").plusSeconds(random.nextInt(200 * 86_400)).toString();
            String partner = "p" + random.nextInt(4);
            if (!lines.isEmpty() && random.nextInt(6) == 0) {
                fixture.event("r" + i, "return", at, partner, "original_line_id", lines.get(random.nextInt(lines.size())),
                        "net_amount", random.nextInt(5000) + ".25", "quantity", 1);
            } else {
                fixture.sale("s" + i, at, partner, FAMILIES[random.nextInt(FAMILIES.length)], (random.nextInt(90_000) + 1) + "." + random.nextInt(10) + "7",
                        "quantity", random.nextInt(20) + 1, "channel", random.nextBoolean() ? "sell_through" : "direct");
                lines.add("L-s" + i);
            }
        }
        return fixture;
    }

    private static String example(String name) throws Exception {
        return Files.readString(Path.of("../examples/programs/" + name));
    }

    private static List<String> canonical(Simulation.Result result) {
        return result.earnings().stream().map(e -> e.program() + "|" + e.period() + "|" + e.partner() + "|" + e.payee() + "|"
                + e.amount() + "|" + e.voidedBy() + "|" + e.closed() + "|"
                + e.lines().stream().map(l -> l.rule() + "=" + l.amount() + ":" + l.why()).toList()).sorted().toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void anyPermutationAndDuplicationOfTheEventsGivesTheSameEarnings(long seed) throws Exception {
        EngineFixture fixture = randomActivity(seed, example("distributor-growth-rebate.yaml"), example("dealer-volume-incremental.yaml"));
        List<String> expected = canonical(fixture.run(fixture.events, "2026-05-31"));
        Random random = new Random(seed * 31);
        List<Event> shuffled = new ArrayList<>(fixture.events);
        for (int i = 0; i < 1 + random.nextInt(10); i++) shuffled.add(fixture.events.get(random.nextInt(fixture.events.size())));
        Collections.shuffle(shuffled, random);
        assertThat(canonical(fixture.run(shuffled, "2026-05-31"))).as("seed %d", seed).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33})
    void howManyEventsTheSourceExpectsChangesNothing(long seed) throws Exception {
        EngineFixture fixture = randomActivity(seed, example("distributor-growth-rebate.yaml"), example("dealer-volume-incremental.yaml"));
        List<Event> ordered = new ArrayList<>(fixture.events);
        ordered.sort(Event::chronological);
        List<String> expected = canonical(fixture.run(ordered, "2026-05-31"));
        for (int expectedEvents : new int[] {1, ordered.size() / 3, ordered.size(), 10 * ordered.size()}) {
            assertThat(canonical(fixture.run(ordered, "2026-05-31", expectedEvents)))
                    .as("seed %d, %d expected", seed, expectedEvents).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void inputInTimeOrderWithRepeatsGivesTheSameEarningsAsTheSetOfItsEvents(long seed) throws Exception {
        EngineFixture fixture = randomActivity(seed, example("distributor-growth-rebate.yaml"), example("dealer-volume-incremental.yaml"));
        List<Event> ordered = new ArrayList<>(fixture.events);
        ordered.sort(Event::chronological);
        // Some events at the instant of the one before them: a file in time order need not order those by id.
        Random random = new Random(seed * 37);
        for (int i = 1; i < ordered.size(); i++) {
            Event event = ordered.get(i);
            if (random.nextInt(4) == 0) {
                ordered.set(i, new Event(event.id(), event.type(), ordered.get(i - 1).occurredAt(), event.partnerId(), event.data()));
            }
        }
        ordered.sort(Event::chronological);
        Simulation.Result expected = fixture.run(ordered, "2026-05-31");
        List<Event> tiesReversed = new ArrayList<>(ordered);
        tiesReversed.sort(java.util.Comparator.comparing(Event::occurredAt).thenComparing(Event::id, java.util.Comparator.reverseOrder()));
        // Repeats where a retrying source writes them (right after the original) and anywhere later.
        List<Event> repeated = new ArrayList<>();
        int repeats = 0;
        for (Event event : tiesReversed) {
            repeated.add(event);
            if (random.nextInt(5) == 0) {
                repeated.add(event);
                repeats++;
            }
            if (random.nextInt(7) == 0) {
                repeated.add(repeated.get(random.nextInt(repeated.size())));
                repeats++;
            }
        }
        Simulation.Result result = fixture.run(repeated, "2026-05-31");
        assertThat(canonical(result)).as("seed %d", seed).isEqualTo(canonical(expected));
        assertThat(result.duplicates()).as("seed %d", seed).isEqualTo(repeats);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void capsAndTheBudgetAreNeverExceeded(long seed) throws Exception {
        Random random = new Random(seed);
        long capMinor = 50_000 + random.nextInt(500_000);
        long budgetMinor = 100_000 + random.nextInt(3_000_000);
        String program = """
                program: capped
                name: Capped
                kind: rebate
                currency: USD
                calendar: {period: month, timezone: UTC}
                effective: {from: 2026-01-01}
                budget: {total: %s}
                tracks:
                  - name: all
                    rules:
                      - name: rebate
                        on: sale
                        basis: net_amount
                        rate: %d%%
                        caps: {per_partner_period: %s, per_event: %s}
                """.formatted(BigDecimal.valueOf(budgetMinor, 2), 1 + random.nextInt(20), BigDecimal.valueOf(capMinor, 2),
                BigDecimal.valueOf(capMinor / 2, 2));
        EngineFixture fixture = randomActivity(seed, program);
        Simulation.Result result = fixture.run("2026-06-30");
        long total = 0;
        for (Earning earning : result.earnings()) {
            assertThat(earning.amount().amountMinor()).as("seed %d: %s", seed, earning).isLessThanOrEqualTo(capMinor);
            total += earning.amount().amountMinor();
        }
        assertThat(total).as("seed %d: total spent", seed).isLessThanOrEqualTo(budgetMinor);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void incrementalNeverPaysMoreThanRetroactiveAtTheSameBands(long seed) throws Exception {
        String bands = String.join("\n",
                "          bands:",
                "            - {from: 0,      rate: 1%}",
                "            - {from: 40000,  rate: 2%}",
                "            - {from: 120000, rate: 3.5%}", "");
        String template = """
                program: %s
                name: Tiers
                kind: rebate
                currency: USD
                calendar: {period: month, timezone: UTC}
                effective: {from: 2026-01-01}
                tracks:
                  - name: all
                    rules:
                      - name: rebate
                        on: sale
                        basis: net_amount
                        tiers:
                          measure: qualifying
                          mode: %s
                """;
        EngineFixture fixture = randomActivity(seed, template.formatted("retro", "retroactive") + bands,
                template.formatted("incr", "incremental") + bands);
        Map<String, Long> retro = new TreeMap<>();
        Map<String, Long> incr = new TreeMap<>();
        for (Earning earning : fixture.run("2026-06-30").earnings()) {
            String key = earning.partner() + "|" + earning.period();
            (earning.program().value().equals("retro") ? retro : incr).merge(key, earning.amount().amountMinor(), Long::sum);
        }
        retro.forEach((key, amount) -> assertThat(incr.getOrDefault(key, 0L)).as("seed %d: %s", seed, key).isLessThanOrEqualTo(amount));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void splitSharesSumExactlyToTheWhole(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            long whole = random.nextLong(-10_000_000, 10_000_000);
            Map<String, BigDecimal> weights = new TreeMap<>();
            int parties = 1 + random.nextInt(7);
            for (int p = 0; p < parties; p++) weights.put("p" + p, BigDecimal.valueOf(random.nextInt(1000) + 1, random.nextInt(4)));
            Map<String, Long> shares = Split.largestRemainder(whole, weights);
            assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).as("seed %d round %d: %s of %d", seed, round, weights, whole)
                    .isEqualTo(whole);
        }
    }
}
