package dev.accrue.core.program;

import dev.accrue.core.condition.Condition;
import dev.accrue.core.condition.ValueExpression;
import dev.accrue.core.money.Unit;
import java.util.List;

/**
 * One earning rule.
 *
 * @param on          an event type ({@code sale}) or {@link #PERIOD_CLOSE}
 * @param when        the condition (null: always)
 * @param amount      how much: rate of a basis, tiers, flat or per unit
 * @param unit        the unit the rule pays in (the program's unless the rule names another)
 * @param payee       who is paid if not the partner (e.g. {@code event.rep_id}), or null
 * @param once        pays at most once per partner over the program's life
 * @param oncePer     pays at most once per partner and value of this expression (e.g. a serial number), or null
 * @param splitByAttribution the earning is shared among the partners attribution credits
 */
public record Rule(
        String name,
        String on,
        Condition when,
        AmountForm amount,
        List<Multiplier> multipliers,
        Caps caps,
        Unit unit,
        ValueExpression payee,
        boolean once,
        ValueExpression oncePer,
        boolean splitByAttribution) {
    public static final String PERIOD_CLOSE = "period_close";

    public Rule {
        multipliers = List.copyOf(multipliers);
        if (caps == null) caps = Caps.NONE;
    }

    public boolean onPeriodClose() {
        return PERIOD_CLOSE.equals(on);
    }
}
