package dev.accrue.core.engine;

import dev.accrue.core.time.PeriodId;
import java.time.Instant;
import java.util.Arrays;

/**
 * A sale line remembered for its returns: its family, when it was sold, and the matches it made. Kept
 * small (lines live until their periods close): the time inline, the claims in an exact-size array that
 * lines with the same shared claims share ({@link SaleLineIndex#put}).
 */
final class SaleLine {
    /** What the line added to a rule: a match, or for a rule that folds, an entry in its sums. */
    record Claim(ProgramRun run, RuleSlot slot, PeriodId period, Match match, Fold.Entry entry) {
        /** A claim that every line of its rule and period shares ({@link ProgramRun#plainClaim}). */
        boolean isShared() {
            return match == null && entry == Fold.Entry.PLAIN;
        }
    }

    static final Claim[] NO_CLAIMS = new Claim[0];

    final String family;
    /** When it was sold, inline (Long.MIN_VALUE: not known); see {@link #soldAt}. */
    final long soldAtSecond;
    final int soldAtNano;
    final String partnerId;
    /** Never changed in place: it may be shared with other lines. */
    Claim[] claims = NO_CLAIMS;

    /** @param soldAt null for a line known by its family only */
    SaleLine(String family, Instant soldAt, String partnerId) {
        this.family = family;
        this.soldAtSecond = soldAt == null ? Long.MIN_VALUE : soldAt.getEpochSecond();
        this.soldAtNano = soldAt == null ? 0 : soldAt.getNano();
        this.partnerId = partnerId;
    }

    /** The second a clawback window of {@code withinDays} after the sale ends, at the sale's own nanosecond. */
    long clawbackEndSecond(int withinDays) {
        return soldAtSecond + withinDays * 86_400L;
    }

    /** Whether an instant ({@code second}, {@code nano}) falls after the clawback window of {@code withinDays}. */
    boolean afterClawback(long second, int nano, int withinDays) {
        long end = clawbackEndSecond(withinDays);
        return second > end || (second == end && nano > soldAtNano);
    }

    void claim(ProgramRun run, PeriodId period, ProgramRun.Candidate candidate) {
        Claim claim = candidate.entry() == Fold.Entry.PLAIN ? run.plainClaim(candidate.slot(), period)
                : new Claim(run, candidate.slot(), period, candidate.match(), candidate.entry());
        claims = Arrays.copyOf(claims, claims.length + 1);
        claims[claims.length - 1] = claim;
    }
}
