package dev.accrue.testkit;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an activity file holds.
 *
 * @param eventsByType   distinct events of each type, by type name
 * @param duplicateLines lines that repeat the line before (same id, same text), as a retrying source sends them
 */
public record ActivityCounts(Map<String, Long> eventsByType, long duplicateLines) {
    public ActivityCounts {
        eventsByType = Map.copyOf(eventsByType);
    }

    static ActivityCounts of(String[] types, long[] counts, long duplicateLines) {
        Map<String, Long> byType = new TreeMap<>();
        for (int i = 0; i < types.length; i++) byType.merge(types[i], counts[i], Long::sum);
        return new ActivityCounts(byType, duplicateLines);
    }

    /** Distinct events. */
    public long events() {
        return eventsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Lines in the file: every event once, plus the duplicates. */
    public long lines() {
        return events() + duplicateLines;
    }

    public long of(String type) {
        return eventsByType.getOrDefault(type, 0L);
    }
}
