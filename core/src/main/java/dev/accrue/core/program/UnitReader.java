package dev.accrue.core.program;

import dev.accrue.core.money.Unit;

/** Reads a unit field ({@code currency: USD}, {@code unit: points}). */
final class UnitReader {
    private UnitReader() {}

    static Unit read(MapReader map, String key) {
        String code = map.text(key, true);
        if (code == null) return null;
        try {
            return Unit.of(code);
        } catch (IllegalArgumentException e) {
            map.error(key, e.getMessage());
            return null;
        }
    }
}
