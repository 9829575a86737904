package dev.accrue.core.engine;

import dev.accrue.core.time.PeriodId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A sale line remembered for its returns: its family, when it was sold, and the matches it made. */
final class SaleLine {
    /** What the line added to a rule: a match, or for a rule that folds, an entry in its sums. */
    record Claim(ProgramRun run, RuleSlot slot, PeriodId period, Match match, Fold.Entry entry) {}

    final String family;
    final Instant soldAt;
    final String partnerId;
    List<Claim> claims = List.of();

    SaleLine(String family, Instant soldAt, String partnerId) {
        this.family = family;
        this.soldAt = soldAt;
        this.partnerId = partnerId;
    }

    void claim(ProgramRun run, PeriodId period, ProgramRun.Candidate candidate) {
        if (claims.isEmpty()) claims = new ArrayList<>(2);
        claims.add(candidate.entry() == Fold.Entry.PLAIN ? run.plainClaim(candidate.slot(), period)
                : new Claim(run, candidate.slot(), period, candidate.match(), candidate.entry()));
    }
}
