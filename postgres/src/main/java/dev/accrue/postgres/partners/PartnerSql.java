package dev.accrue.postgres.partners;

/** The SQL of {@link PartnerRepository}. */
final class PartnerSql {
    private PartnerSql() {}

    static final String INSERT_PARTNER = """
            INSERT INTO partners (id, name, parent_id, created_at, created_by, updated_at)
            VALUES (:id, :name, :parent, :at, :by, :at)""";

    static final String UPDATE_PARTNER = """
            UPDATE partners SET name = :name, parent_id = :parent, updated_at = :at WHERE id = :id""";

    static final String INSERT_VERSION = """
            INSERT INTO partner_versions (partner_id, effective_from, type, tier, attributes, recorded_at, recorded_by)
            VALUES (:id, :effectiveFrom, :type, :tier, CAST(:attributes AS jsonb), :at, :by)""";

    static final String PARTNER = "SELECT id, name, parent_id FROM partners WHERE id = :id";

    static final String PAGE = """
            SELECT id, name, parent_id FROM partners
            WHERE (CAST(:after AS text) IS NULL OR id > :after) AND (CAST(:only AS text) IS NULL OR id = :only)
            ORDER BY id LIMIT :limit""";

    static final String VERSIONS = """
            SELECT partner_id, effective_from, type, tier, attributes::text AS attributes
            FROM partner_versions WHERE partner_id = ANY(:ids) ORDER BY partner_id, effective_from""";

    static final String PARENT_OF = "SELECT parent_id FROM partners WHERE id = :id";

    static final String EXISTING = "SELECT id FROM partners WHERE id = ANY(:ids)";
}
