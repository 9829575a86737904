package dev.accrue.core.program;

import dev.accrue.core.condition.Condition;
import dev.accrue.core.condition.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses one track: its name, partner selector, gates, rules and (mdf) fund. */
final class TrackParser {
    static final List<String> FIELDS = List.of("name", "partners", "gates", "rules", "fund");

    private final Expressions expressions;
    private final KindParts kindParts;
    private final RuleParser rules;

    TrackParser(Expressions expressions, KindParts kindParts, RuleParser rules) {
        this.expressions = expressions;
        this.kindParts = kindParts;
        this.rules = rules;
    }

    /** The track, or null when it has faults (recorded). */
    Track parse(MapReader track) {
        int faultsBefore = track.faults.count();
        track.allowOnly("a track", FIELDS);
        String name = track.text("name", true);
        Condition partners = expressions.condition(track, "partners", false, Scope.TRACK_PARTNERS);
        List<Gate> gates = gates(track);
        Map<String, Object> fund = kindParts.fund(track);
        List<Rule> parsedRules = rules(track, !track.has("fund"));
        if (track.faults.count() > faultsBefore || name == null) return null;
        return new Track(name, partners, gates, parsedRules, fund);
    }

    private List<Gate> gates(MapReader track) {
        List<MapReader> items = track.maps("gates", false, ProgramLimits.GATES_PER_TRACK_MAX, "a gate");
        if (items == null) return List.of();
        List<Gate> gates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MapReader item : items) {
            item.allowOnly("a gate", List.of("name", "when"));
            String name = item.text("name", true);
            Condition when = expressions.condition(item, "when", true, Scope.GATE);
            if (name != null && !names.add(name)) item.error("name", "another gate of this track is also named '" + name + "'");
            if (name != null && when != null) gates.add(new Gate(name, when));
        }
        return gates;
    }

    private List<Rule> rules(MapReader track, boolean required) {
        List<MapReader> items = track.maps("rules", required, ProgramLimits.RULES_PER_TRACK_MAX, "a rule");
        if (items == null) return List.of();
        if (items.isEmpty() && required) track.error("rules", "a track has at least one rule (or, in an mdf program, a fund)");
        List<Rule> parsed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MapReader item : items) {
            Rule rule = rules.parse(item);
            if (rule == null) continue;
            if (!names.add(rule.name())) item.error("name", "another rule of this track is also named '" + rule.name() + "'; rule names are unique in a track");
            parsed.add(rule);
        }
        return parsed;
    }
}
