package dev.accrue.core.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event's claim on one rule for one partner: what the close will turn into an amount.
 * A clawback match carries a fixed (negative) amount instead of a basis.
 */
final class Match {
    final Instant at;
    final String eventId;
    final String payee;
    final BigDecimal basis;
    final BigDecimal quantity;
    /** The product of the multipliers that depend only on the event, judged when it arrived. */
    final BigDecimal eventFactor;
    final List<String> eventMultipliers;
    /** The partner and event as conditions saw them, kept when a condition must be judged again at close. */
    final Map<String, Object> partnerView;
    final Map<String, Object> eventView;
    final boolean reversal;
    final BigDecimal fixedAmount;
    final String note;

    /** Set at close: what the match finally earned, in minor units, after caps, gates and budget. */
    long finalMinor;
    boolean closed;

    Match(Instant at, String eventId, String payee, BigDecimal basis, BigDecimal quantity, BigDecimal eventFactor,
          List<String> eventMultipliers, Map<String, Object> partnerView, Map<String, Object> eventView,
          boolean reversal, BigDecimal fixedAmount, String note) {
        this.at = at;
        this.eventId = eventId;
        this.payee = payee;
        this.basis = basis;
        this.quantity = quantity;
        this.eventFactor = eventFactor;
        this.eventMultipliers = List.copyOf(eventMultipliers);
        this.partnerView = partnerView;
        this.eventView = eventView;
        this.reversal = reversal;
        this.fixedAmount = fixedAmount;
        this.note = note;
    }

    /** A same-period return: the original's basis and quantity, negated in proportion, at the original's factor. */
    Match reversedBy(Instant returnedAt, String returnEventId, BigDecimal returnedAmount, BigDecimal returnedQuantity) {
        return new Match(returnedAt, returnEventId, payee, returnedAmount.negate(), returnedQuantity.negate(), eventFactor,
                eventMultipliers, partnerView, eventView, true, null, "return of " + eventId);
    }

    boolean isFixed() {
        return fixedAmount != null;
    }

    static int chronological(Match a, Match b) {
        int byTime = a.at.compareTo(b.at);
        return byTime != 0 ? byTime : a.eventId.compareTo(b.eventId);
    }
}
