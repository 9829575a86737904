package dev.accrue.core.program;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Rate;
import java.math.BigDecimal;

/** How a rule's amount is computed. Exactly one per rule. */
public sealed interface AmountForm {
    /** {@code basis} × {@code rate}. */
    record RateOf(Basis basis, Rate rate) implements AmountForm {}

    /** {@code basis} × the rate of the band the tier measure reached. */
    record Tiered(Basis basis, Tiers tiers) implements AmountForm {}

    /** A fixed amount per matching event. */
    record Flat(Money amount) implements AmountForm {}

    /** An amount per unit of the event's quantity. */
    record PerUnit(BigDecimal amountPerUnit) implements AmountForm {}
}
