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
        long raw = run.budgetRawMinor;
        long capped = run.budgetCappedMinor;
        long rise = 0;
        long fall = 0;
        for (LineDraft draft : drafts) {
            for (LineDraft.Contribution contribution : draft.contributions) {
                if (contribution.minor > 0) rise = Math.addExact(rise, contribution.minor);
                else fall = Math.addExact(fall, contribution.minor);
            }
        }
        // The running total stays within [raw + fall, raw + rise] in any order: when that range is all on one
        // side of the budget, every step is the whole contribution or nothing, whatever the order.
        boolean allUnder = Math.addExact(raw, rise) <= budgetMinor;
        boolean allOver = Math.addExact(raw, fall) >= budgetMinor;
        if (!allUnder && allOver) cutWhole(drafts);
        else if (!allUnder) spendInEventOrder(drafts, raw, capped, budgetMinor);
        // Either way the running total ends at raw + rise + fall, and what is spent is that capped at the budget.
        raw = Math.addExact(raw, Math.addExact(rise, fall));
        if (commit) {
            run.budgetRawMinor = raw;
            run.budgetCappedMinor = Math.min(raw, budgetMinor);
        }
    }

    /** Each contribution's step in the running total, capped at the budget, in event order. */
    private static void spendInEventOrder(List<LineDraft> drafts, long raw, long capped, long budgetMinor) {
        List<Spend> spending = new ArrayList<>();
        for (LineDraft draft : drafts) {
            for (LineDraft.Contribution contribution : draft.contributions) spending.add(new Spend(contribution, draft));
        }
        spending.sort(Spend::inEventOrder);
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
    }

    private static void cutWhole(List<LineDraft> drafts) {
        for (LineDraft draft : drafts) {
            for (LineDraft.Contribution contribution : draft.contributions) {
                draft.budgetCutMinor += contribution.minor;
                contribution.minor = 0;
            }
        }
    }
}
