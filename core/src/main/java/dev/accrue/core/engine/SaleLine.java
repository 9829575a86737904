package dev.accrue.core.engine;

import dev.accrue.core.time.PeriodId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A sale line remembered for its returns: its family, when it was sold, and the matches it made. */
final class SaleLine {
    record Claim(ProgramRun run, RuleSlot slot, PeriodId period, Match match) {}

    final String family;
    final Instant soldAt;
    final String partnerId;
    final BigDecimal netAmount;
    List<Claim> claims = List.of();

    SaleLine(String family, Instant soldAt, String partnerId, BigDecimal netAmount) {
        this.family = family;
        this.soldAt = soldAt;
        this.partnerId = partnerId;
        this.netAmount = netAmount;
    }

    void claim(ProgramRun run, RuleSlot slot, PeriodId period, Match match) {
        if (claims.isEmpty()) claims = new ArrayList<>(2);
        claims.add(new Claim(run, slot, period, match));
    }
}
