package dev.accrue.core.program;

import dev.accrue.core.condition.Condition;
import java.util.List;
import java.util.Map;

/**
 * A group of rules for the partners that {@code partners} selects (null: every partner).
 * Gates are judged at period close; a failed gate voids the period's earnings of the track for that partner.
 * {@code fund} is the MDF fund definition, passed through as written (null for other kinds).
 */
public record Track(String name, Condition partners, List<Gate> gates, List<Rule> rules, Map<String, Object> fund) {
    public Track {
        gates = List.copyOf(gates);
        rules = List.copyOf(rules);
    }
}
