package dev.accrue.core.engine;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Rounding;
import dev.accrue.core.money.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A line being computed at close: its exact contributions in event order, then rounded and budgeted.
 * Rounding happens here and only here: cumulatively, so each event's minor amount is the step in the
 * half-even rounding of the running total, and the line's total is the rounding of its exact total.
 */
final class LineDraft {
    final RuleSlot slot;
    final String partnerId;
    final String payee;
    final Unit unit;
    final List<Contribution> contributions = new ArrayList<>();
    String whyPrefix;
    LineExplanation explanation;
    String tierBand;
    String voidedBy;
    long budgetCutMinor;

    /** One event's exact part of the line, then its minor amount. {@code match} is null for period-close lines. */
    static final class Contribution {
        final Instant at;
        final String id;
        final BigDecimal exact;
        final Match match;
        long minor;

        Contribution(Instant at, String id, BigDecimal exact, Match match) {
            this.at = at;
            this.id = id;
            this.exact = exact;
            this.match = match;
        }
    }

    LineDraft(RuleSlot slot, String partnerId, String payee) {
        this.slot = slot;
        this.partnerId = partnerId;
        this.payee = payee;
        this.unit = slot.unit();
    }

    void add(Instant at, String id, BigDecimal exact, Match match) {
        contributions.add(new Contribution(at, id, exact, match));
    }

    BigDecimal exactTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (Contribution contribution : contributions) total = total.add(contribution.exact);
        return total;
    }

    /** A voided line keeps only its clawbacks: they reverse earnings already closed, which no gate of this period can undo. */
    void round() {
        BigDecimal running = BigDecimal.ZERO;
        long roundedBefore = 0;
        for (Contribution contribution : contributions) {
            boolean counts = voidedBy == null || (contribution.match != null && contribution.match.isFixed());
            running = running.add(counts ? contribution.exact : BigDecimal.ZERO);
            long roundedNow = Rounding.toMinor(running, unit);
            contribution.minor = roundedNow - roundedBefore;
            roundedBefore = roundedNow;
        }
    }

    Money total() {
        long total = 0;
        for (Contribution contribution : contributions) total = Math.addExact(total, contribution.minor);
        return new Money(total, unit);
    }
}
