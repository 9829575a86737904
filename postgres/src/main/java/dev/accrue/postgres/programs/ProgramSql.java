package dev.accrue.postgres.programs;

/** The SQL of {@link ProgramRepository}. */
final class ProgramSql {
    private ProgramSql() {}

    static final String COLUMNS = """
            program_id, version, name, kind, source_format, source_text, canonical_json, canonical_sha256,
            effective_from, created_by, created_at""";

    static final String ENSURE_PROGRAM = """
            INSERT INTO programs (id, created_at) VALUES (:programId, :createdAt) ON CONFLICT (id) DO NOTHING""";

    static final String INSERT_VERSION = """
            INSERT INTO program_versions (program_id, version, name, kind, source_format, source_text, canonical_json,
                                          canonical_sha256, effective_from, created_by, created_at)
            VALUES (:programId, :version, :name, :kind, :sourceFormat, :sourceText, :canonicalJson,
                    :canonicalSha256, :effectiveFrom, :createdBy, :createdAt)""";

    static final String LATEST = "SELECT " + COLUMNS
            + " FROM program_versions WHERE program_id = :programId ORDER BY version DESC LIMIT 1";

    static final String LATEST_OF_EACH = "SELECT DISTINCT ON (program_id) " + COLUMNS
            + " FROM program_versions ORDER BY program_id, version DESC LIMIT :limit";

    static final String VERSIONS = "SELECT " + COLUMNS
            + " FROM program_versions WHERE program_id = :programId ORDER BY version LIMIT :limit";

    static final String VERSION = "SELECT " + COLUMNS
            + " FROM program_versions WHERE program_id = :programId AND version = :version";
}
