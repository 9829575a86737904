package dev.accrue.core.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A partner with its effective-dated history: each version holds the type, tier and attributes in force
 * from its {@code effectiveFrom} until the next version. A rule sees the partner as of the event's time,
 * a gate as of the period's end.
 */
public record Partner(String id, String name, String parent, List<Version> versions) {
    public static final Instant BEGINNING = Instant.EPOCH;

    /** What was true of the partner from {@code effectiveFrom} on. */
    public record Version(Instant effectiveFrom, String type, String tier, Map<String, Object> attributes) {
        public Version {
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            attributes = Map.copyOf(attributes);
        }
    }

    public Partner {
        Objects.requireNonNull(id, "id");
        if (versions.isEmpty()) throw new IllegalArgumentException("a partner has at least one version");
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(Version::effectiveFrom));
        versions = List.copyOf(sorted);
    }

    public static Partner of(String id, String name, String type, String tier, String parent, Map<String, Object> attributes) {
        return new Partner(id, name, parent, List.of(new Version(BEGINNING, type, tier, attributes)));
    }

    /** The version in force at {@code at}; the earliest one if {@code at} precedes them all. */
    public Version asOf(Instant at) {
        Version found = versions.get(0);
        for (int i = 1; i < versions.size(); i++) { // indexed: asked for every event, an iterator each time shows
            Version version = versions.get(i);
            if (version.effectiveFrom().isAfter(at)) break;
            found = version;
        }
        return found;
    }
}
