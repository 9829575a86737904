package dev.accrue.core.program;

import dev.accrue.core.condition.Condition;
import dev.accrue.core.condition.Scope;
import dev.accrue.core.condition.Suggestions;
import dev.accrue.core.condition.ValueExpression;
import dev.accrue.core.event.EventTypes;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Parses one rule: its event, condition, amount form, multipliers, caps, payee and once-constraints. */
final class RuleParser {
    static final List<String> FIELDS = List.of("name", "on", "when", "basis", "rate", "tiers", "flat", "per_unit",
            "multipliers", "caps", "payee", "unit", "once", "once_per", "split");
    static final List<String> AMOUNT_FORMS = List.of("rate", "tiers", "flat", "per_unit");
    static final String FORMS_SENTENCE = "basis + rate, basis + tiers, flat or per_unit";
    /** Decimal places of a per-unit amount: finer than a cent is allowed (the earning line rounds). */
    static final int PER_UNIT_SCALE_MAX = 6;

    private final Expressions expressions;
    private final Unit programUnit;
    private final boolean programHasAttribution;
    private final RateRules rates = new RateRules();

    RuleParser(Expressions expressions, Unit programUnit, boolean programHasAttribution) {
        this.expressions = expressions;
        this.programUnit = programUnit;
        this.programHasAttribution = programHasAttribution;
    }

    /** The rule, or null when it has faults (recorded). */
    Rule parse(MapReader rule) {
        int faultsBefore = rule.faults.count();
        rule.allowOnly("a rule", FIELDS);
        String name = rule.text("name", true);
        String on = on(rule);
        boolean periodClose = Rule.PERIOD_CLOSE.equals(on);
        Scope scope = periodClose ? Scope.PERIOD_CLOSE_RULE : Scope.EVENT_RULE;
        Condition when = expressions.condition(rule, "when", false, scope);
        Unit unit = rule.has("unit") ? UnitReader.read(rule, "unit") : programUnit;
        AmountForm amount = new AmountParser(rule, on, unit, rates).parse();
        List<Multiplier> multipliers = multipliers(rule, scope);
        ValueExpression payee = eventOnly(rule, "payee", periodClose) ? expressions.value(rule, "payee", Scope.EVENT_RULE) : null;
        Caps caps = caps(rule, unit, periodClose);
        Boolean once = rule.bool("once", false);
        ValueExpression oncePer = eventOnly(rule, "once_per", periodClose) ? expressions.value(rule, "once_per", Scope.EVENT_RULE) : null;
        if (Boolean.TRUE.equals(once) && rule.has("once_per")) {
            rule.error("once_per", "write once (once per partner) or once_per (once per value), not both");
        }
        boolean split = split(rule, periodClose);
        if (rule.faults.count() > faultsBefore || name == null || on == null || amount == null) return null;
        return new Rule(name, on, when, amount, multipliers, caps, unit, payee, Boolean.TRUE.equals(once), oncePer, split);
    }

    private static String on(MapReader rule) {
        String on = rule.text("on", true);
        if (on == null || on.equals(Rule.PERIOD_CLOSE) || EventTypes.isKnown(on)) return on;
        List<String> known = Stream.concat(Stream.of(Rule.PERIOD_CLOSE), EventTypes.REQUIRED_FIELDS.keySet().stream().sorted()).toList();
        String suggestion = Suggestions.closest(on, known);
        rule.error("on", "'" + on + "' is not an event type" + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                + "; a rule runs on period_close or on one of " + String.join(", ", known.subList(1, known.size())));
        return null;
    }

    private List<Multiplier> multipliers(MapReader rule, Scope scope) {
        List<MapReader> items = rule.maps("multipliers", false, ProgramLimits.MULTIPLIERS_PER_RULE_MAX, "a multiplier");
        if (items == null) return List.of();
        List<Multiplier> multipliers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MapReader item : items) {
            item.allowOnly("a multiplier", List.of("name", "when", "factor"));
            String name = item.text("name", true);
            Condition when = expressions.condition(item, "when", true, scope);
            BigDecimal factor = item.decimal("factor", true);
            if (factor != null && (factor.signum() <= 0 || factor.compareTo(BigDecimal.valueOf(ProgramLimits.MULTIPLIER_FACTOR_MAX)) > 0)) {
                item.error("factor", "a factor is more than 0 and at most " + ProgramLimits.MULTIPLIER_FACTOR_MAX + ", found " + factor.toPlainString());
                factor = null;
            }
            if (name != null && !names.add(name)) item.error("name", "another multiplier of this rule is also named '" + name + "'");
            if (name != null && when != null && factor != null) multipliers.add(new Multiplier(name, when, factor));
        }
        return multipliers;
    }

    private static Caps caps(MapReader rule, Unit unit, boolean periodClose) {
        MapReader caps = rule.map("caps", false, "caps");
        if (caps == null) return Caps.NONE;
        caps.allowOnly("caps", List.of("per_event", "per_partner_period", "per_payee_period"));
        Money perEvent = caps.money("per_event", unit, false, false);
        Money perPartnerPeriod = caps.money("per_partner_period", unit, false, false);
        Money perPayeePeriod = caps.money("per_payee_period", unit, false, false);
        if (periodClose && caps.has("per_event")) caps.error("per_event", "a period_close rule has no event to cap; use per_partner_period");
        if (caps.has("per_payee_period") && !rule.has("payee")) {
            caps.error("per_payee_period", "per_payee_period needs the rule's payee (e.g. payee: event.rep_id)");
        }
        return new Caps(perEvent, perPartnerPeriod, perPayeePeriod);
    }

    /** Whether {@code key} may be read: fields about an event are faults on a period_close rule. */
    private static boolean eventOnly(MapReader rule, String key, boolean periodClose) {
        if (!periodClose || !rule.has(key)) return true;
        rule.error(key, key + " reads the event, and a period_close rule has none");
        return false;
    }

    private boolean split(MapReader rule, boolean periodClose) {
        String split = rule.oneOf("split", false, List.of("attribution"));
        if (split == null) return false;
        if (periodClose) {
            rule.error("split", "split: attribution shares an event's earning; a period_close rule has no event");
            return false;
        }
        if (!programHasAttribution) {
            rule.error("split", "split: attribution needs the program's attribution block (model, lookback_days...)");
            return false;
        }
        return true;
    }
}
