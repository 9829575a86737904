package dev.accrue.testkit;

import java.util.Comparator;

/**
 * An event the generator has decided will happen on a later day: a return of a line sold today, the
 * sign-up that follows a click, next month's payment. What {@code a}, {@code b} and {@code c} hold
 * depends on the kind (see {@code ActivityWriter}).
 */
final class Pending {
    static final Comparator<Pending> IN_TIME_ORDER =
            Comparator.<Pending>comparingLong(p -> p.epochMilli).thenComparingLong(p -> p.sequence);

    final long epochMilli;
    /** Order of scheduling, so that two events at the same millisecond keep one order. */
    final long sequence;
    final byte kind;
    final int partner;
    final long a;
    final long b;
    final long c;

    Pending(long epochMilli, long sequence, byte kind, int partner, long a, long b, long c) {
        this.epochMilli = epochMilli;
        this.sequence = sequence;
        this.kind = kind;
        this.partner = partner;
        this.a = a;
        this.b = b;
        this.c = c;
    }
}
