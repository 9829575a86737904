package dev.accrue.core.engine;

import dev.accrue.core.Invariants;
import java.util.ArrayList;
import java.util.List;

/**
 * The program budget, spent in event-time order (ties by event id) across all partners; period-close
 * lines spend at the period's end. A running total capped at the budget gives each contribution its step,
 * so the total spent never passes the budget and a later return frees what it returns.
 */
final class Budget {
    private Budget() {}

    /** A contribution with the line it belongs to. */
    private record Spend(LineDraft.Contribution contribution, LineDraft draft) {
        /** By event time, ties by event id: the order the budget is spent in. */
        static int inEventOrder(Spend a, Spend b) {
            int byTime = a.contribution.at.compareTo(b.contribution.at);
            return byTime != 0 ? byTime : a.contribution.id.compareTo(b.contribution.id);
        }
    }

    static void apply(ProgramRun run, List<LineDraft> drafts, boolean commit) {
        if (run.program.budget() == null) return;
        long budgetMinor = run.program.budget().amountMinor();
        List<Spend> spending = new ArrayList<>();
        for (LineDraft draft : drafts) {
            for (LineDraft.Contribution contribution : draft.contributions) spending.add(new Spend(contribution, draft));
        }
        spending.sort(Spend::inEventOrder);
        long raw = run.budgetRawMinor;
        long capped = run.budgetCappedMinor;
        for (Spend spend : spending) {
            LineDraft.Contribution contribution = spend.contribution();
            raw = Math.addExact(raw, contribution.minor);
            long cappedNow = Math.min(raw, budgetMinor);
            long step = cappedNow - capped;
            spend.draft().budgetCutMinor += contribution.minor - step;
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
