package dev.accrue.postgres.access;

/** The SQL of {@link AccessRepository}. */
final class AccessSql {
    private AccessSql() {}

    static final String USER_COLUMNS = "id, name, role, partner_id, created_at";
    static final String KEY_COLUMNS = "id, user_id, prefix, sha256, label, created_at, revoked_at";

    static final String INSERT_USER = """
            INSERT INTO users (name, role, partner_id, created_at, created_by)
            VALUES (:name, :role, :partnerId, :at, :by) RETURNING """ + " " + USER_COLUMNS;

    static final String USER = "SELECT " + USER_COLUMNS + " FROM users WHERE id = :id";
    static final String USER_BY_NAME = "SELECT " + USER_COLUMNS + " FROM users WHERE name = :name ORDER BY id LIMIT 1";
    static final String USERS = "SELECT " + USER_COLUMNS + " FROM users WHERE id > :after ORDER BY id LIMIT :limit";
    static final String USER_COUNT = "SELECT count(*) FROM users";

    static final String INSERT_KEY = """
            INSERT INTO api_keys (user_id, prefix, sha256, label, created_at, created_by)
            VALUES (:userId, :prefix, :sha256, :label, :at, :by) RETURNING """ + " " + KEY_COLUMNS;

    static final String KEY = "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE id = :id";
    static final String KEY_BY_PREFIX = "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE prefix = :prefix";
    static final String KEYS = "SELECT " + KEY_COLUMNS
            + " FROM api_keys WHERE (CAST(:userId AS bigint) IS NULL OR user_id = :userId) AND id > :after ORDER BY id LIMIT :limit";

    static final String REVOKE = """
            UPDATE api_keys SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL""";
    static final String REVOKE_ALL_OF_USER = """
            UPDATE api_keys SET revoked_at = :at, revoked_by = :by WHERE user_id = :userId AND revoked_at IS NULL""";
}
