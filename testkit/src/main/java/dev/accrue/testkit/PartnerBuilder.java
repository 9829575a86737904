package dev.accrue.testkit;

import dev.accrue.core.partner.Partner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Partner} with its history. Setters change the current version; {@link #from} starts a
 * new version that carries over the type, tier and attributes in force, so a test writes only what changed.
 */
public final class PartnerBuilder {
    private final String id;
    private String name;
    private String parent;
    private final List<Partner.Version> done = new ArrayList<>();
    private Instant from = Partner.BEGINNING;
    private String type;
    private String tier;
    private Map<String, Object> attributes = new LinkedHashMap<>();

    PartnerBuilder(String id, String type) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = id;
        this.type = Objects.requireNonNull(type, "type");
    }

    public PartnerBuilder name(String name) {
        this.name = name;
        return this;
    }

    public PartnerBuilder parent(String parentId) {
        this.parent = parentId;
        return this;
    }

    public PartnerBuilder type(String type) {
        this.type = Objects.requireNonNull(type, "type");
        return this;
    }

    public PartnerBuilder tier(String tier) {
        this.tier = tier;
        return this;
    }

    /** An attribute as conditions see it ({@code partner.map_compliant}); Integer becomes Long. */
    public PartnerBuilder attribute(String key, Object value) {
        attributes.put(key, Values.normalize(value));
        return this;
    }

    public PartnerBuilder withoutAttribute(String key) {
        attributes.remove(key);
        return this;
    }

    /** Starts a version in force from {@code instant}, carrying over everything of the current one. */
    public PartnerBuilder from(Instant instant) {
        if (!instant.isAfter(from)) throw new IllegalArgumentException("versions go forward in time: " + instant + " is not after " + from);
        done.add(current());
        from = instant;
        attributes = new LinkedHashMap<>(attributes);
        return this;
    }

    /** {@link #from(Instant)} with an ISO-8601 instant such as {@code 2026-04-01T00:00:00Z}. */
    public PartnerBuilder from(String instant) {
        return from(Instant.parse(instant));
    }

    public Partner build() {
        List<Partner.Version> versions = new ArrayList<>(done);
        versions.add(current());
        return new Partner(id, name, parent, versions);
    }

    /** The partner as the contract's JSON lines, one per version, each ending in a newline. */
    public String jsonLines() {
        return ContractJson.partner(build());
    }

    private Partner.Version current() {
        return new Partner.Version(from, type, tier, attributes);
    }
}
