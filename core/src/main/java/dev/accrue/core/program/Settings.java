package dev.accrue.core.program;

import dev.accrue.core.event.EventTypes;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Rate;
import dev.accrue.core.money.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The program-wide blocks: budget, stacking, attribution, claims, approval, payout and clawback.
 * Each reader gives null when the block is absent or faulty (the fault is recorded).
 */
final class Settings {
    static final List<String> ATTRIBUTION_MODELS = List.of("first_touch", "last_touch", "linear", "time_decay", "position_based");
    static final List<String> PAYOUT_CADENCES = List.of("monthly", "quarterly", "yearly");
    static final List<String> PAYOUT_METHODS = List.of("bank_transfer", "credit_note", "prepaid_card");
    static final List<String> CLAWBACK_EVENTS = List.of(EventTypes.RETURN, EventTypes.REFUND);

    private final MapReader doc;
    private final Unit unit;

    Settings(MapReader doc, Unit unit) {
        this.doc = doc;
        this.unit = unit;
    }

    Money budget() {
        MapReader budget = doc.map("budget", false, "the budget");
        if (budget == null) return null;
        budget.allowOnly("the budget", List.of("total"));
        return budget.money("total", unit, true, false);
    }

    Stacking stacking() {
        MapReader stacking = doc.map("stacking", false, "stacking");
        if (stacking == null) return null;
        stacking.allowOnly("stacking", List.of("group", "priority"));
        String group = stacking.text("group", true);
        Integer priority = stacking.whole("priority", true, 0, 1_000_000);
        return group == null || priority == null ? null : new Stacking(group, priority);
    }

    Attribution attribution() {
        MapReader attribution = doc.map("attribution", false, "attribution");
        if (attribution == null) return null;
        attribution.allowOnly("attribution", List.of("model", "lookback_days", "first", "last", "half_life_days", "touch"));
        String model = attribution.oneOf("model", true, ATTRIBUTION_MODELS);
        Integer lookbackDays = attribution.whole("lookback_days", true, 1, ProgramLimits.DAYS_MAX);
        boolean positionBased = "position_based".equals(model);
        boolean timeDecay = "time_decay".equals(model);
        Rate first = share(attribution, "first", positionBased, model);
        Rate last = share(attribution, "last", positionBased, model);
        if (first != null && last != null && first.value().add(last.value()).compareTo(BigDecimal.ONE) > 0) {
            attribution.error("last", "first and last together are " + first.value().add(last.value()).movePointRight(2).stripTrailingZeros().toPlainString()
                    + "%; they share one conversion, so at most 100%");
        }
        Integer halfLifeDays = null;
        if (timeDecay) {
            halfLifeDays = attribution.whole("half_life_days", true, 1, ProgramLimits.DAYS_MAX);
        } else if (attribution.has("half_life_days") && model != null) {
            attribution.error("half_life_days", "half_life_days applies to the time_decay model, not " + model);
        }
        String touch = attribution.text("touch", false);
        if (touch != null && !EventTypes.isKnown(touch)) {
            attribution.error("touch", "'" + touch + "' is not an event type; " + EventAmounts.eventTypesSentence());
        }
        if (model == null || lookbackDays == null || (positionBased && (first == null || last == null)) || (timeDecay && halfLifeDays == null)) {
            return null;
        }
        return new Attribution(model, lookbackDays, first == null ? null : first.value(), last == null ? null : last.value(),
                halfLifeDays == null ? 0 : halfLifeDays, touch);
    }

    private static Rate share(MapReader attribution, String key, boolean positionBased, String model) {
        if (positionBased) return attribution.rate(key, true);
        if (attribution.has(key) && model != null) attribution.error(key, key + " applies to the position_based model, not " + model);
        return null;
    }

    Claims claims() {
        MapReader claims = doc.map("claims", false, "claims");
        if (claims == null) return null;
        claims.allowOnly("claims", List.of("required", "window_days", "proof"));
        Boolean required = claims.bool("required", true);
        boolean on = Boolean.TRUE.equals(required);
        Integer windowDays = claims.whole("window_days", on, 1, ProgramLimits.DAYS_MAX);
        List<String> proof = claims.texts("proof", on, ProgramLimits.LIST_ITEMS_MAX);
        if (on && proof != null && proof.isEmpty()) claims.error("proof", "required claims name at least one kind of proof, e.g. [invoice]");
        if (required == null || (on && (windowDays == null || proof == null))) return null;
        return new Claims(on, windowDays == null ? 0 : windowDays, proof == null ? List.of() : proof);
    }

    /** Approval steps in order: each {@code up_to} above the one before; a step without one only last. */
    List<ApprovalStep> approval() {
        List<MapReader> items = doc.maps("approval", false, ProgramLimits.APPROVAL_STEPS_MAX, "an approval step");
        if (items == null) return null;
        if (items.isEmpty()) doc.error("approval", "approval has at least one step, e.g. - {role: finance}");
        List<ApprovalStep> steps = new ArrayList<>();
        Money previous = null;
        for (int i = 0; i < items.size(); i++) {
            MapReader step = items.get(i);
            step.allowOnly("an approval step", List.of("role", "up_to"));
            String role = step.text("role", true);
            Money upTo = step.money("up_to", unit, false, false);
            boolean last = i == items.size() - 1;
            if (!step.has("up_to") && !last) {
                step.faults.at(step.node, step.path, "a step without up_to approves any amount, so it must be the last step");
            }
            if (upTo != null && previous != null && upTo.compareTo(previous) <= 0) {
                step.error("up_to", "up_to " + upTo.toDecimalString() + " is not above the previous step's " + previous.toDecimalString()
                        + "; steps go from the smallest limit up");
            }
            if (upTo != null) previous = upTo;
            if (role != null) steps.add(new ApprovalStep(role, upTo));
        }
        return steps;
    }

    Payout payout() {
        MapReader payout = doc.map("payout", false, "payout");
        if (payout == null) return null;
        payout.allowOnly("payout", List.of("cadence", "minimum", "method", "hold_days"));
        String cadence = payout.oneOf("cadence", true, PAYOUT_CADENCES);
        Money minimum = payout.money("minimum", unit, false, true);
        String method = payout.oneOf("method", true, PAYOUT_METHODS);
        Integer holdDays = payout.whole("hold_days", false, 0, ProgramLimits.DAYS_MAX);
        if (cadence == null || method == null) return null;
        return new Payout(cadence, minimum, method, holdDays == null ? 0 : holdDays);
    }

    Clawback clawback() {
        MapReader clawback = doc.map("clawback", false, "clawback");
        if (clawback == null) return null;
        clawback.allowOnly("clawback", List.of("on", "within_days"));
        String on = clawback.oneOf("on", true, CLAWBACK_EVENTS);
        Integer withinDays = clawback.whole("within_days", true, 1, ProgramLimits.DAYS_MAX);
        return on == null || withinDays == null ? null : new Clawback(on, withinDays);
    }
}
