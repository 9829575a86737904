package dev.accrue.core.engine;

import dev.accrue.core.Invariants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The program budget, spent in event-time order (ties by event id) across all partners; period-close
 * lines spend at the period's end. A running total capped at the budget gives each contribution its step,
 * so the total spent never passes the budget and a later return frees what it returns.
 */
final class Budget {
    private Budget() {}

    static void apply(ProgramRun run, List<LineDraft> drafts, boolean commit) {
        if (run.program.budget() == null) return;
        long budgetMinor = run.program.budget().amountMinor();
        List<LineDraft.Contribution> spending = new ArrayList<>();
        java.util.Map<LineDraft.Contribution, LineDraft> owner = new java.util.IdentityHashMap<>();
        for (LineDraft draft : drafts) {
            for (LineDraft.Contribution contribution : draft.contributions) {
                spending.add(contribution);
                owner.put(contribution, draft);
            }
        }
        spending.sort(Comparator.comparing((LineDraft.Contribution c) -> c.at).thenComparing(c -> c.id));
        long raw = run.budgetRawMinor;
        long capped = run.budgetCappedMinor;
        for (LineDraft.Contribution contribution : spending) {
            raw = Math.addExact(raw, contribution.minor);
            long cappedNow = Math.min(raw, budgetMinor);
            long step = cappedNow - capped;
            owner.get(contribution).budgetCutMinor += contribution.minor - step;
            contribution.minor = step;
            capped = cappedNow;
        }
        Invariants.check(capped <= budgetMinor, "the program budget is never exceeded");
        if (commit) {
            run.budgetRawMinor = raw;
            run.budgetCappedMinor = capped;
        }
    }
}
