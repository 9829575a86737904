package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The budget spent in event order, checked against spending every contribution in a sorted list. */
class BudgetTest {
    private static final long BUDGET_MINOR = 1_000_000;
    private static final String PROGRAM = """
            program: budgeted
            name: Budgeted
            kind: rebate
            currency: USD
            calendar: {period: month, timezone: UTC}
            effective: {from: 2026-01-01}
            budget: {total: 10000.00}
            tracks:
              - name: all
                rules:
                  - {name: rebate, on: sale, basis: net_amount, rate: 2%}
            """;

    @Test
    void everyPeriodSpendsAsInEventOrderWhetherTheBudgetIsReachedOrNot() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            ProgramVersion version = new EngineFixture().program(PROGRAM).programs().get(0);
            ProgramRun run = new ProgramRun(version.program(), version.version(), null, 0);
            ProgramRun reference = new ProgramRun(version.program(), version.version(), null, 0);
            // Spent before: nothing, some, exactly all, or past the budget (returns may then bring it back under).
            long rawBefore = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextLong(BUDGET_MINOR);
                case 2 -> BUDGET_MINOR;
                default -> BUDGET_MINOR + random.nextLong(BUDGET_MINOR);
            };
            for (ProgramRun r : List.of(run, reference)) {
                r.budgetRawMinor = rawBefore;
                r.budgetCappedMinor = Math.min(rawBefore, BUDGET_MINOR);
            }
            List<LineDraft> drafts = drafts(random, run.eventSlots.get(0));
            List<LineDraft> expected = copies(drafts);
            Budget.apply(run, drafts, true);
            spendInOrder(reference, expected);
            for (int d = 0; d < drafts.size(); d++) {
                assertThat(drafts.get(d).budgetCutMinor).as("seed %d, line %d: cut", seed, d).isEqualTo(expected.get(d).budgetCutMinor);
                for (int c = 0; c < drafts.get(d).contributions.size(); c++) {
                    assertThat(drafts.get(d).contributions.get(c).minor).as("seed %d, line %d, contribution %d", seed, d, c)
                            .isEqualTo(expected.get(d).contributions.get(c).minor);
                }
            }
            assertThat(run.budgetRawMinor).as("seed %d: raw", seed).isEqualTo(reference.budgetRawMinor);
            assertThat(run.budgetCappedMinor).as("seed %d: spent", seed).isEqualTo(reference.budgetCappedMinor).isLessThanOrEqualTo(BUDGET_MINOR);
        }
    }

    /** A few partners' lines, each in event order; amounts small or large, a return now and then. */
    private static List<LineDraft> drafts(Random random, RuleSlot slot) {
        long scale = random.nextBoolean() ? 5_000 : 200_000;
        List<LineDraft> drafts = new ArrayList<>();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int p = 0, partners = 1 + random.nextInt(6); p < partners; p++) {
            LineDraft draft = new LineDraft(slot, "p" + p, "p" + p);
            Instant at = start;
            for (int e = 0, events = random.nextInt(12); e < events; e++) {
                at = at.plusSeconds(random.nextInt(3) * 3600L); // ties in time come up, settled by id
                draft.add(at, "e-" + random.nextInt(1000), BigDecimal.ZERO, null);
                long minor = random.nextLong(scale);
                draft.contributions.get(e).minor = random.nextInt(8) == 0 ? -minor : minor;
            }
            drafts.add(draft);
        }
        return drafts;
    }

    private static List<LineDraft> copies(List<LineDraft> drafts) {
        List<LineDraft> copies = new ArrayList<>();
        for (LineDraft draft : drafts) {
            LineDraft copy = new LineDraft(draft.slot, draft.partnerId, draft.payee);
            for (LineDraft.Contribution contribution : draft.contributions) {
                copy.add(contribution.at, contribution.id, contribution.exact, null);
                copy.contributions.get(copy.contributions.size() - 1).minor = contribution.minor;
            }
            copies.add(copy);
        }
        return copies;
    }

    /** The definition: one running total over every contribution by (time, id), capped at the budget. */
    private static void spendInOrder(ProgramRun run, List<LineDraft> drafts) {
        record Spend(LineDraft.Contribution contribution, LineDraft draft) {}
        List<Spend> spending = new ArrayList<>();
        drafts.forEach(draft -> draft.contributions.forEach(contribution -> spending.add(new Spend(contribution, draft))));
        spending.sort(Comparator.comparing((Spend s) -> s.contribution().at).thenComparing(s -> s.contribution().id));
        long raw = run.budgetRawMinor;
        long capped = run.budgetCappedMinor;
        for (Spend spend : spending) {
            raw += spend.contribution().minor;
            long step = Math.min(raw, BUDGET_MINOR) - capped;
            spend.draft().budgetCutMinor += spend.contribution().minor - step;
            spend.contribution().minor = step;
            capped += step;
        }
        run.budgetRawMinor = raw;
        run.budgetCappedMinor = capped;
    }
}
