package dev.accrue.core.engine;

import dev.accrue.core.event.EventTypes;
import java.util.Arrays;

/**
 * The sale lines a return may name, by line id, kept small enough for tens of millions of lines.
 *
 * <p>Every line keeps its product family for as long as the run lasts (a return counts against the
 * returned line's family, however late it comes), in 17 bytes: the line id's 128-bit hash ({@link IdHash}:
 * two ids share one with odds below 10^-22 for 100 million lines) and the family's number. The line's
 * {@link SaleLine} with its claims is kept only while a return could still change an earning through it:
 * while a claim's period is open, or, once it is closed, while the program's clawback window is open and
 * the claim earned something. Events come in time order, so a window that has closed for the latest line
 * has closed for every return still to come.
 */
final class SaleLineIndex {
    private static final int NO_FAMILY = 0;
    /** Lines with a {@link SaleLine} kept at which the first pruning runs; then whenever their number doubles. */
    private static final int PRUNE_FROM = 1 << 16;

    private long[] highs = new long[1 << 12];
    private long[] lows = new long[1 << 12];
    /** Family number + 1 per slot (0: none); widened to {@link #wideFamilies} past 254 families. */
    private byte[] families = new byte[1 << 12];
    private int[] wideFamilies;
    private SaleLine[] lines = new SaleLine[1 << 12];
    /**
     * Per slot, the minute (since the epoch, rounded down) before which pruning need not look at the slot's
     * line: every claim it holds is usable until then (its period cannot have closed, or its clawback window
     * is still open). Pruning reads this array in order instead of following each kept line into memory,
     * and lines of yearly programs are then looked at once a year, not at every pruning.
     */
    private int[] recheckAt = new int[1 << 12];
    /** The slot {@link #put} filled last, for {@link #settle}, which comes once the line's claims are known. */
    private int lastPutSlot = -1;
    private int size;
    private boolean hasZeroKey;
    private int zeroFamily;
    private SaleLine zeroLine;
    private int kept;
    private int pruneAt = PRUNE_FROM;
    /** The latest line's time: a clawback window closed for it is closed for every return still to come. */
    private long latestSecond = Long.MIN_VALUE;
    private int latestNano;
    private final Numbering familyNumbers = new Numbering();
    private final long[] hash = new long[2];
    /** Claim arrays that lines share, by a hash of their claims' identities ({@link #settle}). */
    private final SaleLine.Claim[][] sharedClaims = new SaleLine.Claim[1 << 10][];

    /** Remembers a sale line under its id (a later line of the same id replaces it). */
    void put(String lineId, SaleLine line) {
        if (line.soldAtSecond > latestSecond || (line.soldAtSecond == latestSecond && line.soldAtNano > latestNano)) {
            latestSecond = line.soldAtSecond;
            latestNano = line.soldAtNano;
        }
        int family = line.family == null ? NO_FAMILY : familyNumber(line.family) + 1;
        IdHash.hash(lineId, hash);
        long high = hash[0];
        long low = hash[1];
        if (high == 0 && low == 0) {
            hasZeroKey = true;
            zeroFamily = family;
            if (zeroLine == null) kept++;
            zeroLine = line;
            return;
        }
        if (size >= highs.length - (highs.length >>> 2)) grow();
        int slot = find(high, low);
        if (highs[slot] == 0 && lows[slot] == 0) {
            highs[slot] = high;
            lows[slot] = low;
            size++;
        }
        setFamily(slot, family);
        if (lines[slot] == null) kept++;
        lines[slot] = line;
        recheckAt[slot] = 0;
        lastPutSlot = slot;
        if (kept >= pruneAt) {
            prune();
            pruneAt = Math.max(PRUNE_FROM, kept * 2);
        }
    }

    /** The line of that id: with its claims while a return could still use them, else with its family only; null if never seen. */
    SaleLine get(String lineId) {
        if (lineId == null) return null;
        IdHash.hash(lineId, hash);
        long high = hash[0];
        long low = hash[1];
        if (high == 0 && low == 0) return hasZeroKey ? orFamilyOnly(zeroLine, zeroFamily) : null;
        int slot = find(high, low);
        if (highs[slot] == 0 && lows[slot] == 0) return null;
        return orFamilyOnly(lines[slot], family(slot));
    }

    private SaleLine orFamilyOnly(SaleLine line, int family) {
        if (line != null) return line;
        return new SaleLine(family == NO_FAMILY ? null : familyNumbers.name(family - 1), null, null);
    }

    /** Lets go of the lines no return can change an earning through any more. */
    private void prune() {
        int latestMinute = minute(latestSecond);
        for (int slot = 0; slot < lines.length; slot++) {
            // The line just put has no claims yet: they come once its event is judged, after this.
            if (recheckAt[slot] > latestMinute || slot == lastPutSlot) continue;
            SaleLine line = lines[slot];
            if (line == null) continue;
            if (stillNeeded(line)) {
                recheckAt[slot] = recheckMinute(line);
            } else {
                lines[slot] = null;
                kept--;
            }
        }
        if (zeroLine != null && !stillNeeded(zeroLine)) {
            zeroLine = null;
            kept--;
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
            long until = run.isClosed(claim.period()) ? clawbackEndSecond(line, run) : run.endSecondOf(claim.period());
            earliest = Math.min(earliest, until);
        }
        return earliest == Long.MAX_VALUE ? 0 : minute(earliest);
    }

    private static int minute(long epochSecond) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.floorDiv(epochSecond, 60)));
    }

    /**
     * Once the line's event is judged: lines whose claims are all shared ones (a rule that folds, for the
     * partner, no multiplier on arrival) share one array of them, most lines of a period the same few.
     */
    void settle(SaleLine line) {
        SaleLine.Claim[] claims = line.claims;
        if (claims.length == 0) return;
        if (lastPutSlot >= 0 && lines[lastPutSlot] == line) recheckAt[lastPutSlot] = recheckMinute(line);
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
        if (claim.match() == null || clawbackPassed(line, run)) return false;
        return claim.match().finalMinor != 0 && claim.match().basis().signum() != 0;
    }

    /** The second the line's clawback window ends, at the line's own nanosecond ({@code within_days} after the sale). */
    private static long clawbackEndSecond(SaleLine line, ProgramRun run) {
        return line.soldAtSecond + run.program.clawback().withinDays() * 86_400L;
    }

    /** Whether the latest line came after the window closed: a return still to come is too late for it. */
    private boolean clawbackPassed(SaleLine line, ProgramRun run) {
        long end = clawbackEndSecond(line, run);
        return latestSecond > end || (latestSecond == end && latestNano > line.soldAtNano);
    }

    private int find(long high, long low) {
        int mask = highs.length - 1;
        int slot = IdHash.slot(high, low, mask);
        while ((highs[slot] != 0 || lows[slot] != 0) && (highs[slot] != high || lows[slot] != low)) slot = (slot + 1) & mask;
        return slot;
    }

    private int family(int slot) {
        return wideFamilies != null ? wideFamilies[slot] : families[slot] & 0xff;
    }

    private void setFamily(int slot, int family) {
        if (wideFamilies == null && family > 0xff) {
            wideFamilies = new int[families.length];
            for (int i = 0; i < families.length; i++) wideFamilies[i] = families[i] & 0xff;
            families = null;
        }
        if (wideFamilies != null) wideFamilies[slot] = family;
        else families[slot] = (byte) family;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        byte[] oldFamilies = families;
        int[] oldWide = wideFamilies;
        SaleLine[] oldLines = lines;
        int[] oldRecheckAt = recheckAt;
        int slots = oldHighs.length * 2;
        highs = new long[slots];
        lows = new long[slots];
        lines = new SaleLine[slots];
        recheckAt = new int[slots];
        lastPutSlot = -1;
        if (oldWide != null) wideFamilies = new int[slots];
        else families = new byte[slots];
        for (int j = 0; j < oldHighs.length; j++) {
            if (oldHighs[j] == 0 && oldLows[j] == 0) continue;
            int slot = find(oldHighs[j], oldLows[j]);
            highs[slot] = oldHighs[j];
            lows[slot] = oldLows[j];
            lines[slot] = oldLines[j];
            recheckAt[slot] = oldRecheckAt[j];
            if (oldWide != null) wideFamilies[slot] = oldWide[j];
            else families[slot] = oldFamilies[j];
        }
    }

    private int familyNumber(String family) {
        return familyNumbers.number(family);
    }

    /** Lines remembered (for tests). */
    int size() {
        return size + (hasZeroKey ? 1 : 0);
    }

    /** Lines kept with their claims (for tests). */
    int kept() {
        return kept;
    }
}
