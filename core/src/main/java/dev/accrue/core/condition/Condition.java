package dev.accrue.core.condition;

/**
 * A compiled boolean condition (CEL). Compiled and type-checked once per program version; evaluation is
 * pure and thread-safe. A condition that reads an absent value (e.g. {@code period.growth} without a year
 * of history) is false, never an error.
 */
public interface Condition {
    /** The expression as written in the program. */
    String source();

    boolean test(ConditionInput input);

    /** Whether the condition reads {@code period} or {@code prior}: such conditions are judged again at close. */
    boolean readsPeriod();

    /**
     * Whether the condition reads {@code period} or {@code prior} and nothing else: it then has one value
     * for all of a partner's events in a period, and can be judged once at close instead of per event.
     */
    default boolean readsOnlyPeriod() {
        return false;
    }
}
