package dev.accrue.core.program;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Rate;
import dev.accrue.core.money.Unit;
import java.math.BigDecimal;
import java.util.List;

/**
 * A rule's amount form: exactly one of {@code basis + rate}, {@code basis + tiers}, {@code flat},
 * {@code per_unit}, checked against the rule's event ({@code on}).
 */
final class AmountParser {
    private final MapReader rule;
    private final String on;
    private final Unit unit;
    private final RateRules rates;

    /** {@code on} is null when the rule's event is missing or unknown (already reported). */
    AmountParser(MapReader rule, String on, Unit unit, RateRules rates) {
        this.rule = rule;
        this.on = on;
        this.unit = unit;
        this.rates = rates;
    }

    AmountForm parse() {
        List<String> forms = RuleParser.AMOUNT_FORMS.stream().filter(rule::has).toList();
        if (forms.isEmpty()) {
            rule.faults.at(rule.node, rule.path, rule.has("basis")
                    ? "basis needs a rate or tiers; a rule's amount is " + RuleParser.FORMS_SENTENCE
                    : "a rule needs an amount: " + RuleParser.FORMS_SENTENCE);
            return null;
        }
        if (forms.size() > 1) {
            rule.error(forms.get(1), "a rule has one amount form, this one has " + String.join(" and ", forms)
                    + "; the forms are " + RuleParser.FORMS_SENTENCE);
            return null;
        }
        String form = forms.get(0);
        boolean withBasis = form.equals("rate") || form.equals("tiers");
        if (!withBasis && rule.has("basis")) {
            rule.error("basis", "basis goes with rate or tiers; " + form + " pays without a basis");
            return null;
        }
        return switch (form) {
            case "rate" -> rateOf();
            case "tiers" -> tiered();
            case "flat" -> flat();
            case "per_unit" -> perUnit();
            default -> throw new IllegalStateException("unhandled amount form " + form);
        };
    }

    private AmountForm rateOf() {
        Basis basis = basis();
        Rate rate = rates.checkEarningRate(rule, "rate", rule.rate("rate", true), unit);
        return basis == null || rate == null ? null : new AmountForm.RateOf(basis, rate);
    }

    private AmountForm tiered() {
        Basis basis = basis();
        MapReader tiers = rule.map("tiers", true, "tiers");
        Tiers parsed = tiers == null ? null : new TierParser(tiers, unit, rates).parse();
        return basis == null || parsed == null ? null : new AmountForm.Tiered(basis, parsed);
    }

    private AmountForm flat() {
        if (unit == null) return null;
        Money amount = rule.money("flat", unit, true, false);
        return amount == null ? null : new AmountForm.Flat(amount);
    }

    private AmountForm perUnit() {
        if (Rule.PERIOD_CLOSE.equals(on)) {
            rule.error("per_unit", "per_unit pays per unit of an event; a period_close rule pays with basis + rate, basis + tiers or flat");
            return null;
        }
        if (on != null && !EventAmounts.hasQuantity(on)) {
            rule.error("per_unit", "per_unit needs an event with a quantity (" + String.join(", ", EventAmounts.typesWithQuantity())
                    + "); a " + on + " event has none, pay it with flat");
            return null;
        }
        BigDecimal amount = rule.decimal("per_unit", true);
        if (amount == null) return null;
        if (amount.signum() <= 0 || amount.compareTo(BigDecimal.valueOf(ProgramLimits.AMOUNT_MAJOR_MAX)) > 0) {
            rule.error("per_unit", "must be more than zero and at most " + ProgramLimits.AMOUNT_MAJOR_MAX + ", found " + amount.toPlainString());
            return null;
        }
        if (amount.stripTrailingZeros().scale() > RuleParser.PER_UNIT_SCALE_MAX) {
            rule.error("per_unit", "a per-unit amount has at most " + RuleParser.PER_UNIT_SCALE_MAX + " decimal places, found " + amount.toPlainString());
            return null;
        }
        return new AmountForm.PerUnit(amount);
    }

    /** An event rule's basis is an amount field of its event; a period_close rule's is a period measure. */
    private Basis basis() {
        String basis = rule.text("basis", true);
        if (basis == null || on == null) return null;
        if (Rule.PERIOD_CLOSE.equals(on)) {
            String measure = MeasureBasis.periodMeasure(basis);
            if (measure != null) return new Basis.PeriodMeasure(measure);
            rule.error("basis", "'" + basis + "' is not a numeric period measure; a period_close rule's basis is one of "
                    + String.join(", ", Measures.NUMERIC.stream().map(m -> MeasureBasis.PERIOD_PREFIX + m).toList()));
            return null;
        }
        List<String> fields = EventAmounts.basisFields(on);
        if (fields.contains(basis)) return new Basis.EventField(basis);
        if (fields.isEmpty()) {
            rule.error("basis", "a " + on + " event has no amount to apply a rate to; pay it with flat");
        } else if (basis.startsWith(MeasureBasis.PERIOD_PREFIX)) {
            rule.error("basis", "a rule on " + on + " earns on its event's " + String.join(" or ", fields)
                    + "; a period measure is the basis of a period_close rule");
        } else {
            rule.error("basis", "'" + basis + "' is not an amount of a " + on + " event; its basis is " + String.join(" or ", fields));
        }
        return null;
    }
}
