package dev.accrue.core.engine;

import dev.accrue.core.money.Unit;
import dev.accrue.core.program.Rule;
import dev.accrue.core.program.Track;

/**
 * A rule in its track, with the unit it pays in. {@code key} names it uniquely within its program.
 * {@code number}: its place among the program's event rules (-1 for a period-close rule), which index
 * what it matched. {@code folds}: its matches are kept as sums ({@link Fold}), since its close needs nothing else.
 */
record RuleSlot(int trackIndex, Track track, int ruleIndex, Rule rule, Unit unit, int number, boolean folds) {
    String key() {
        return trackIndex + "/" + ruleIndex;
    }

    /**
     * By position only: slots key the engine's maps of matches on every event, and the record's own hash
     * would hash the whole track and rule each time. Equality stays the record's.
     */
    @Override
    public int hashCode() {
        return trackIndex * 31 + ruleIndex;
    }
}
