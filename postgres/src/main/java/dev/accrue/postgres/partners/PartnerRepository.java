package dev.accrue.postgres.partners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accrue.core.partner.Partner;
import dev.accrue.postgres.StoreConflict;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Partners and their effective-dated versions in PostgreSQL, read back as the core's {@link Partner}.
 * Versions are only added; a second version at the same instant is a DUPLICATE conflict, a parent that
 * does not exist a MISSING_REFERENCE.
 */
public final class PartnerRepository {
    private static final ObjectMapper JSON = new ObjectMapper()
            // The same number types as the API reads from a request (Long, BigDecimal), so equal attributes compare equal.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES = new TypeReference<>() {};

    private final Jdbi jdbi;

    public PartnerRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates the partner with its versions, in one transaction. */
    public void create(Partner partner, long by, Instant at) {
        StoreConflict.translate(() -> jdbi.inTransaction(handle -> {
            handle.createUpdate(PartnerSql.INSERT_PARTNER).bind("id", partner.id()).bind("name", partner.name())
                    .bind("parent", partner.parent()).bind("at", Timestamp.from(at)).bind("by", by).execute();
            for (Partner.Version version : partner.versions()) insertVersion(handle, partner.id(), version, by, at);
            return null;
        }));
    }

    /** Sets the name and parent and adds {@code version}, in one transaction; false if there is no such partner. */
    public boolean addVersion(String id, String name, String parent, Partner.Version version, long by, Instant at) {
        return StoreConflict.translate(() -> jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate(PartnerSql.UPDATE_PARTNER).bind("id", id).bind("name", name)
                    .bind("parent", parent).bind("at", Timestamp.from(at)).execute();
            if (updated == 0) return false;
            insertVersion(handle, id, version, by, at);
            return true;
        }));
    }

    public Optional<Partner> partner(String id) {
        List<Partner> found = jdbi.withHandle(handle -> withVersions(handle,
                handle.createQuery(PartnerSql.PARTNER).bind("id", id).map((rs, ctx) -> row(rs)).list()));
        return found.stream().findFirst();
    }

    /** Up to {@code limit} partners in id order after {@code afterId} (null: from the start); only {@code onlyId} if given. */
    public List<Partner> page(String afterId, int limit, String onlyId) {
        return jdbi.withHandle(handle -> withVersions(handle, handle.createQuery(PartnerSql.PAGE)
                .bind("after", afterId).bind("only", onlyId).bind("limit", limit).map((rs, ctx) -> row(rs)).list()));
    }

    /** The parent's id, or empty when the partner has none or does not exist. */
    public Optional<String> parentOf(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(PartnerSql.PARENT_OF).bind("id", id)
                .mapTo(String.class).findOne());
    }

    /** The ids among {@code ids} that are partners: one query however many there are. */
    public Set<String> existing(Collection<String> ids) {
        if (ids.isEmpty()) return Set.of();
        return jdbi.withHandle(handle -> Set.copyOf(handle.createQuery(PartnerSql.EXISTING)
                .bind("ids", ids.toArray(String[]::new)).mapTo(String.class).list()));
    }

    private static void insertVersion(Handle handle, String id, Partner.Version version, long by, Instant at) {
        handle.createUpdate(PartnerSql.INSERT_VERSION).bind("id", id)
                .bind("effectiveFrom", Timestamp.from(version.effectiveFrom())).bind("type", version.type())
                .bind("tier", version.tier()).bind("attributes", json(version.attributes()))
                .bind("at", Timestamp.from(at)).bind("by", by).execute();
    }

    private record Row(String id, String name, String parent) {}

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("parent_id"));
    }

    private static List<Partner> withVersions(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) return List.of();
        String[] ids = rows.stream().map(Row::id).toArray(String[]::new);
        Map<String, List<Partner.Version>> versions = new LinkedHashMap<>();
        handle.createQuery(PartnerSql.VERSIONS).bind("ids", ids).map((rs, ctx) -> {
            versions.computeIfAbsent(rs.getString("partner_id"), key -> new ArrayList<>()).add(new Partner.Version(
                    rs.getTimestamp("effective_from").toInstant(), rs.getString("type"), rs.getString("tier"),
                    attributes(rs.getString("attributes"))));
            return 0;
        }).list();
        List<Partner> partners = new ArrayList<>();
        for (Row row : rows) partners.add(new Partner(row.id(), row.name(), row.parent(), versions.get(row.id())));
        return partners;
    }

    private static String json(Map<String, Object> attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes are not JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> attributes(String json) {
        try {
            return JSON.readValue(json, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not a JSON object: " + e.getMessage(), e);
        }
    }
}
