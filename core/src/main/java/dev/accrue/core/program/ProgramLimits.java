package dev.accrue.core.program;

/**
 * Limits on program documents. A program comes from outside (a file, an API request), so everything
 * in it is bounded; exceeding a limit is a program error naming the limit, never a crash. The values
 * are generous for real programs: the largest example uses a tenth of each.
 */
public final class ProgramLimits {
    /** Characters in one document (YAML or JSON). */
    public static final int DOCUMENT_CHARS_MAX = 256 * 1024;
    /** Depth of nested maps and lists; the format itself needs 9 ({@code tracks[].rules[].tiers.bands[].benefits[]}). */
    public static final int NESTING_DEPTH_MAX = 16;
    /** Characters in a name, role, slug or other text field. */
    public static final int TEXT_LENGTH_MAX = 200;
    /** Characters in one CEL expression. */
    public static final int EXPRESSION_LENGTH_MAX = 2_000;
    public static final int TRACKS_MAX = 20;
    public static final int RULES_PER_TRACK_MAX = 50;
    public static final int GATES_PER_TRACK_MAX = 20;
    public static final int MULTIPLIERS_PER_RULE_MAX = 10;
    public static final int TIER_BANDS_MAX = 20;
    public static final int APPROVAL_STEPS_MAX = 10;
    /** Items in a short list: proof kinds, benefits, registration match fields, catalog entries. */
    public static final int LIST_ITEMS_MAX = 50;
    /** Days in any window (lookback, hold, claim window, clawback): ten years. */
    public static final int DAYS_MAX = 3_660;
    /** Largest money amount in a program, in major units (a trillion). */
    public static final long AMOUNT_MAJOR_MAX = 1_000_000_000_000L;
    /** Largest multiplier factor. */
    public static final int MULTIPLIER_FACTOR_MAX = 100;
    /** Decimal places of a rate as a fraction (0.0125 has 4; 1.25% is the same rate). */
    public static final int RATE_SCALE_MAX = 10;
    /** Errors reported for one document; past this the parser stops collecting. */
    public static final int ERRORS_MAX = 100;

    private ProgramLimits() {}
}
