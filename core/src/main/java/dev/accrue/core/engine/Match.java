package dev.accrue.core.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event's claim on one rule for one partner: what the close will turn into an amount.
 * A clawback match carries a fixed (negative) amount instead of a basis.
 *
 * <p>A program with yearly periods holds a year of these, millions of them, so a match keeps its time and
 * (while it fits a long) its basis inline, and the fields most matches do not use (multipliers judged on arrival, the views a later
 * condition needs, a fixed amount, a note) in one {@link Extra} shared by all matches that do without.
 */
final class Match {
    private final long atSecond;
    private final int atNano;
    final String eventId;
    final String payee;
    /** The basis as unscaled digits and scale while they fit a long (almost always), else as it is. */
    private final long basisUnscaled;
    private final int basisScale;
    private final BigDecimal basisLarge;
    final BigDecimal quantity;
    private final Extra extra;

    /** Set at close: what the match finally earned, in minor units, after caps, gates and budget. */
    long finalMinor;
    boolean closed;

    /** The rarely used parts of a match; {@link #NONE} for a plain one. */
    private record Extra(BigDecimal eventFactor, List<String> eventMultipliers, Map<String, Object> partnerView,
                         Map<String, Object> eventView, boolean reversal, BigDecimal fixedAmount, String note) {
        static final Extra NONE = new Extra(BigDecimal.ONE, List.of(), null, null, false, null, null);
    }

    Match(Instant at, String eventId, String payee, BigDecimal basis, BigDecimal quantity, BigDecimal eventFactor,
          List<String> eventMultipliers, Map<String, Object> partnerView, Map<String, Object> eventView,
          boolean reversal, BigDecimal fixedAmount, String note) {
        this.atSecond = at.getEpochSecond();
        this.atNano = at.getNano();
        this.eventId = eventId;
        this.payee = payee;
        if (basis.precision() <= 18) {
            this.basisUnscaled = basis.scaleByPowerOfTen(basis.scale()).longValue(); // the digits, without a BigInteger
            this.basisScale = basis.scale();
            this.basisLarge = null;
        } else {
            this.basisUnscaled = 0;
            this.basisScale = 0;
            this.basisLarge = basis;
        }
        this.quantity = quantity;
        boolean plain = eventFactor == BigDecimal.ONE && eventMultipliers.isEmpty() && partnerView == null && eventView == null
                && !reversal && fixedAmount == null && note == null;
        this.extra = plain ? Extra.NONE
                : new Extra(eventFactor, List.copyOf(eventMultipliers), partnerView, eventView, reversal, fixedAmount, note);
    }

    /** The basis, the same value and scale as given. */
    BigDecimal basis() {
        return basisLarge != null ? basisLarge : BigDecimal.valueOf(basisUnscaled, basisScale);
    }

    Instant at() {
        return Instant.ofEpochSecond(atSecond, atNano);
    }

    /** The product of the multipliers that depend only on the event, judged when it arrived. */
    BigDecimal eventFactor() {
        return extra.eventFactor();
    }

    List<String> eventMultipliers() {
        return extra.eventMultipliers();
    }

    /** The partner and event as conditions saw them, kept when a condition must be judged again at close. */
    Map<String, Object> partnerView() {
        return extra.partnerView();
    }

    Map<String, Object> eventView() {
        return extra.eventView();
    }

    boolean reversal() {
        return extra.reversal();
    }

    BigDecimal fixedAmount() {
        return extra.fixedAmount();
    }

    /** A same-period return: the original's basis and quantity, negated in proportion, at the original's factor. */
    Match reversedBy(Instant returnedAt, String returnEventId, BigDecimal returnedAmount, BigDecimal returnedQuantity) {
        return new Match(returnedAt, returnEventId, payee, returnedAmount.negate(), returnedQuantity.negate(), eventFactor(),
                eventMultipliers(), partnerView(), eventView(), true, null, "return of " + eventId);
    }

    boolean isFixed() {
        return extra.fixedAmount() != null;
    }

    static int chronological(Match a, Match b) {
        int byTime = a.atSecond != b.atSecond ? Long.compare(a.atSecond, b.atSecond) : Integer.compare(a.atNano, b.atNano);
        return byTime != 0 ? byTime : a.eventId.compareTo(b.eventId);
    }
}
