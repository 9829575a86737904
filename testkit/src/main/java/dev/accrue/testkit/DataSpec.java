package dev.accrue.testkit;

/**
 * What to generate: a deterministic function of these five values, so the same spec gives the same bytes.
 *
 * @param partnerCount   partners of all eight types, at least one of each
 * @param saleLineCount  distinct sale lines in the file: {@value SyntheticData#PRIOR_YEAR_SALES_PERCENT}% of them in the
 *                       year before {@code year} (for growth), the rest in {@code year}; the other activity scales with it
 * @param programCount   programs, cycling through the nine kinds of {@code examples/programs/}
 * @param year           the year of activity
 * @param seed           the only source of randomness
 */
public record DataSpec(int partnerCount, long saleLineCount, int programCount, int year, long seed) {
    public static final int PARTNER_COUNT_MIN = PartnerType.COUNT;
    public static final int PARTNER_COUNT_MAX = 1_000_000;
    public static final long SALE_LINE_COUNT_MAX = 2_000_000_000L;
    public static final int PROGRAM_COUNT_MAX = 10_000;
    public static final int YEAR_MIN = 1972;
    public static final int YEAR_MAX = 9998;

    public DataSpec {
        check(partnerCount >= PARTNER_COUNT_MIN && partnerCount <= PARTNER_COUNT_MAX,
                "partners between " + PARTNER_COUNT_MIN + " (one of each type) and " + PARTNER_COUNT_MAX + ", got " + partnerCount);
        check(saleLineCount >= 0 && saleLineCount <= SALE_LINE_COUNT_MAX, "sale lines between 0 and " + SALE_LINE_COUNT_MAX + ", got " + saleLineCount);
        check(programCount >= 0 && programCount <= PROGRAM_COUNT_MAX, "programs between 0 and " + PROGRAM_COUNT_MAX + ", got " + programCount);
        check(year >= YEAR_MIN && year <= YEAR_MAX, "a year between " + YEAR_MIN + " and " + YEAR_MAX + ", got " + year);
    }

    /** A data set small enough for a unit test: 40 partners, 5,000 sale lines, one program of each kind, 2026. */
    public static DataSpec small(long seed) {
        return new DataSpec(40, 5_000, 9, 2026, seed);
    }

    private static void check(boolean condition, String expected) {
        if (!condition) throw new IllegalArgumentException("expected " + expected);
    }
}
