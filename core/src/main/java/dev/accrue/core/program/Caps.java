package dev.accrue.core.program;

import dev.accrue.core.money.Money;

/** Upper bounds on a rule's earnings; each may be null (no cap). */
public record Caps(Money perEvent, Money perPartnerPeriod, Money perPayeePeriod) {
    public static final Caps NONE = new Caps(null, null, null);
}
