package dev.accrue.core;

/**
 * Checks that stay on in production. Java's {@code assert} is off by default, so an invariant that
 * must hold (debits equal credits, a cap is not exceeded) is checked here and fails loudly.
 * Input errors are not invariant failures: those are reported to the caller as validation errors.
 */
public final class Invariants {
    private Invariants() {}

    public static void check(boolean condition, String what) {
        if (!condition) throw new IllegalStateException("invariant broken: " + what);
    }
}
