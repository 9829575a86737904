package dev.accrue.app.simulate;

import dev.accrue.core.engine.LineExplanation;
import dev.accrue.core.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A line's structured reason as JSON: null fields left out, amounts as decimal strings. */
public final class ExplanationJson {
    private ExplanationJson() {}

    public static Map<String, Object> of(LineExplanation explanation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("program", explanation.programId());
        json.put("version", explanation.programVersion());
        putIfPresent(json, "basis_source", explanation.basisSource());
        if (explanation.basis() != null) json.put("basis", explanation.basis().toPlainString());
        json.put("events", explanation.events());
        if (explanation.tier() != null) {
            Map<String, Object> tier = new LinkedHashMap<>();
            putIfPresent(tier, "band", explanation.tier().band());
            tier.put("measure", explanation.tier().measure());
            tier.put("value", explanation.tier().measureValue().toPlainString());
            tier.put("from", explanation.tier().from().toPlainString());
            tier.put("mode", explanation.tier().mode());
            json.put("tier", tier);
        }
        putIfPresent(json, "rate", explanation.rate());
        if (!explanation.multipliers().isEmpty()) {
            json.put("multipliers", explanation.multipliers().stream().map(m -> ordered(
                    "name", m.name(), "when", m.condition(), "factor", m.factor().toPlainString(), "events", m.events())).toList());
        }
        if (!explanation.capCuts().isEmpty()) {
            json.put("caps", explanation.capCuts().stream().map(c -> ordered(
                    "cap", c.cap(), "limit", c.limit().toDecimalString(), "cut", c.cut().toDecimalString())).toList());
        }
        putMoney(json, "budget_cut", explanation.budgetCut());
        if (explanation.voidedBy() != null) {
            json.put("voided_by", ordered("gate", explanation.voidedBy().gate(),
                    "when", explanation.voidedBy().condition() == null ? "" : explanation.voidedBy().condition()));
        }
        putMoney(json, "would_be", explanation.wouldBe());
        putMoney(json, "clawback", explanation.clawback());
        return json;
    }

    /** An object with its keys in the order given: the output is the same bytes on every run ({@code Map.of} is not). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return json;
    }

    private static void putMoney(Map<String, Object> json, String key, Money money) {
        if (money != null) json.put(key, money.toDecimalString());
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) json.put(key, value);
    }

}
