package dev.accrue.core.engine;

import dev.accrue.core.event.EventTypes;
import java.util.Arrays;

/**
 * The sale lines a return may name, by their number ({@link LineNumbers}), kept small enough for tens of
 * millions of lines: arrays by number, no hashing.
 *
 * <p>Every line keeps its product family for as long as the run lasts (a return counts against the
 * returned line's family, however late it comes), in a byte. The line's {@link SaleLine} with its claims is
 * kept only while a return could still change an earning through it (a line that earned nothing is not
 * kept at all, so it never outlives a young collection): while a claim's period is open, or,
 * once it is closed, while the program's clawback window is open and the claim earned something. Events
 * come in time order, so a window that has closed for the latest line has closed for every return still to come.
 */
final class SaleLineIndex {
    /** In {@link #families}: no line was put under the number; a line without a family is 1, others their family's number + 2. */
    private static final int NOT_PUT = 0;
    private static final int NO_FAMILY = 1;
    /** Lines with a {@link SaleLine} kept at which the first pruning runs; then whenever their number doubles. */
    private static final int PRUNE_FROM = 1 << 16;

    /** By line number: see {@link #NOT_PUT}; widened to {@link #wideFamilies} past 254 families. */
    private byte[] families;
    private int[] wideFamilies;
    private SaleLine[] lines;
    /**
     * By line number, the minute (since the epoch, rounded down) before which pruning need not look at the
     * line: every claim it holds is usable until then (its period cannot have closed, or its clawback window
     * is still open). Pruning reads this array in order instead of following each kept line into memory,
     * and lines of yearly programs are then looked at once a year, not at every pruning.
     */
    private int[] recheckAt;
    /** One past the highest number of a line kept. */
    private int limit;
    private int size;
    private int kept;
    private int pruneAt = PRUNE_FROM;
    /** The latest line's time: a clawback window closed for it is closed for every return still to come. */
    private long latestSecond = Long.MIN_VALUE;
    private int latestNano;
    private final Numbering familyNumbers = new Numbering();
    /** Claim arrays that lines share, by a hash of their claims' identities ({@link #shareClaims}). */
    private final SaleLine.Claim[][] sharedClaims = new SaleLine.Claim[1 << 10][];

    /** How many lines the arrays start with room for when nobody says. */
    private static final int DEFAULT_EXPECTED = 1 << 12;

    SaleLineIndex() {
        this(0);
    }

    /** @param expected how many lines are expected (0: not known): the arrays grow past that, but need not grow up to it */
    SaleLineIndex(int expected) {
        int length = expected > 0 ? Math.max(16, expected) : DEFAULT_EXPECTED;
        families = new byte[length];
        lines = new SaleLine[length];
        recheckAt = new int[length];
    }

    /**
     * Remembers a sale line under its number once its event is judged (a later line of the same number
     * replaces it): its family always, the line itself only while it has claims a return could use.
     */
    void put(int number, SaleLine line) {
        if (line.soldAtSecond > latestSecond || (line.soldAtSecond == latestSecond && line.soldAtNano > latestNano)) {
            latestSecond = line.soldAtSecond;
            latestNano = line.soldAtNano;
        }
        if (number >= lines.length) grow(number);
        if (family(number) == NOT_PUT) size++;
        setFamily(number, line.family == null ? NO_FAMILY : familyNumbers.number(line.family) + 2);
        if (line.claims.length == 0) {
            if (lines[number] != null) kept--;
            lines[number] = null;
            return;
        }
        shareClaims(line);
        if (lines[number] == null) kept++;
        lines[number] = line;
        recheckAt[number] = recheckMinute(line);
        limit = Math.max(limit, number + 1);
        if (kept >= pruneAt) {
            prune();
            pruneAt = Math.max(PRUNE_FROM, kept * 2);
        }
    }

    /** The line of that number: with its claims while a return could still use them, else with its family only; null if never put. */
    SaleLine get(int number) {
        if (number < 0 || number >= lines.length) return null;
        SaleLine line = lines[number];
        if (line != null) return line;
        int family = family(number);
        if (family == NOT_PUT) return null;
        return new SaleLine(family == NO_FAMILY ? null : familyNumbers.name(family - 2), null, null);
    }

    /** Lets go of the lines no return can change an earning through any more. */
    private void prune() {
        int latestMinute = minute(latestSecond);
        for (int number = 0; number < limit; number++) {
            if (recheckAt[number] > latestMinute) continue;
            SaleLine line = lines[number];
            if (line == null) continue;
            if (stillNeeded(line)) {
                recheckAt[number] = recheckMinute(line);
            } else {
                lines[number] = null;
                kept--;
            }
        }
    }

    /** Drops the claims a later return cannot use (see {@code Engine.reverse}); whether any is left. */
    private boolean stillNeeded(SaleLine line) {
        SaleLine.Claim[] claims = line.claims;
        SaleLine.Claim[] kept = new SaleLine.Claim[claims.length];
        int usable = 0;
        for (SaleLine.Claim claim : claims) if (usable(claim, line)) kept[usable++] = claim;
        if (usable < claims.length) line.claims = usable == 0 ? SaleLine.NO_CLAIMS : Arrays.copyOf(kept, usable);
        return usable > 0;
    }

    /**
     * The minute before which every claim of the line stays usable (see {@link #usable}): a claim's period
     * cannot close before it ends, and a closed one kept for its clawback stays until the window passes.
     * Rounded down, so that pruning never skips a line that might have changed.
     */
    private static int recheckMinute(SaleLine line) {
        long earliest = Long.MAX_VALUE;
        for (SaleLine.Claim claim : line.claims) {
            ProgramRun run = claim.run();
            long until = run.isClosed(claim.period())
                    ? line.clawbackEndSecond(run.program.clawback().withinDays()) : run.endSecondOf(claim.period());
            earliest = Math.min(earliest, until);
        }
        return earliest == Long.MAX_VALUE ? 0 : minute(earliest);
    }

    private static int minute(long epochSecond) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.floorDiv(epochSecond, 60)));
    }

    /**
     * Lines whose claims are all shared ones (a rule that folds, for the partner, no multiplier on arrival)
     * share one array of them: most lines of a period have the same few.
     */
    private void shareClaims(SaleLine line) {
        SaleLine.Claim[] claims = line.claims;
        int hash = 1;
        for (SaleLine.Claim claim : claims) {
            if (!claim.isShared()) return;
            hash = 31 * hash + System.identityHashCode(claim);
        }
        int slot = (hash ^ (hash >>> 16)) & (sharedClaims.length - 1);
        SaleLine.Claim[] known = sharedClaims[slot];
        if (sameClaims(known, claims)) line.claims = known;
        else sharedClaims[slot] = claims;
    }

    private static boolean sameClaims(SaleLine.Claim[] a, SaleLine.Claim[] b) {
        if (a == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    private boolean usable(SaleLine.Claim claim, SaleLine line) {
        ProgramRun run = claim.run();
        if (!run.isClosed(claim.period())) return true;
        var clawback = run.program.clawback();
        if (clawback == null || !(EventTypes.RETURN.equals(clawback.on()) || EventTypes.REFUND.equals(clawback.on()))) return false;
        // The latest line came after the window closed: a return still to come is too late for it.
        if (claim.match() == null || line.afterClawback(latestSecond, latestNano, clawback.withinDays())) return false;
        return claim.match().finalMinor != 0 && claim.match().basis().signum() != 0;
    }

    private int family(int number) {
        return wideFamilies != null ? wideFamilies[number] : families[number] & 0xff;
    }

    private void setFamily(int number, int family) {
        if (wideFamilies == null && family > 0xff) {
            wideFamilies = new int[families.length];
            for (int i = 0; i < families.length; i++) wideFamilies[i] = families[i] & 0xff;
            families = null;
        }
        if (wideFamilies != null) wideFamilies[number] = family;
        else families[number] = (byte) family;
    }

    private void grow(int number) {
        int length = Math.max(number + 1, lines.length * 2);
        lines = Arrays.copyOf(lines, length);
        recheckAt = Arrays.copyOf(recheckAt, length);
        if (wideFamilies != null) wideFamilies = Arrays.copyOf(wideFamilies, length);
        else families = Arrays.copyOf(families, length);
    }

    /** Lines remembered (for tests). */
    int size() {
        return size;
    }

    /** Lines kept with their claims (for tests). */
    int kept() {
        return kept;
    }
}
