package dev.accrue.postgres.access;

import dev.accrue.postgres.StoreConflict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Users and their API keys in PostgreSQL. A key's prefix is unique: a clash is a DUPLICATE conflict (draw another). */
public final class AccessRepository {
    private static final RowMapper<StoredUser> USER = (rs, ctx) -> new StoredUser(rs.getLong("id"), rs.getString("name"),
            rs.getString("role"), rs.getString("partner_id"), rs.getTimestamp("created_at").toInstant());
    private static final RowMapper<StoredApiKey> KEY = (rs, ctx) -> new StoredApiKey(rs.getLong("id"), rs.getLong("user_id"),
            rs.getString("prefix"), rs.getString("sha256"), rs.getString("label"), rs.getTimestamp("created_at").toInstant(),
            instant(rs, "revoked_at"));

    private final Jdbi jdbi;

    public AccessRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public StoredUser createUser(String name, String role, String partnerId, Long by, Instant at) {
        return StoreConflict.translate(() -> jdbi.withHandle(handle -> handle.createQuery(AccessSql.INSERT_USER)
                .bind("name", name).bind("role", role).bind("partnerId", partnerId).bind("by", by)
                .bind("at", Timestamp.from(at)).map(USER).one()));
    }

    public Optional<StoredUser> user(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(AccessSql.USER).bind("id", id).map(USER).findOne());
    }

    public Optional<StoredUser> userNamed(String name) {
        return jdbi.withHandle(handle -> handle.createQuery(AccessSql.USER_BY_NAME).bind("name", name).map(USER).findOne());
    }

    public List<StoredUser> users(long afterId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(AccessSql.USERS).bind("after", afterId).bind("limit", limit)
                .map(USER).list());
    }

    public long userCount() {
        return jdbi.withHandle(handle -> handle.createQuery(AccessSql.USER_COUNT).mapTo(Long.class).one());
    }

    public StoredApiKey createKey(long userId, String prefix, String sha256, String label, Long by, Instant at) {
        return StoreConflict.translate(() -> jdbi.withHandle(handle -> handle.createQuery(AccessSql.INSERT_KEY)
                .bind("userId", userId).bind("prefix", prefix).bind("sha256", sha256).bind("label", label)
                .bind("by", by).bind("at", Timestamp.from(at)).map(KEY).one()));
    }

    public Optional<StoredApiKey> key(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(AccessSql.KEY).bind("id", id).map(KEY).findOne());
    }

    public Optional<StoredApiKey> keyByPrefix(String prefix) {
        return jdbi.withHandle(handle -> handle.createQuery(AccessSql.KEY_BY_PREFIX).bind("prefix", prefix).map(KEY).findOne());
    }

    /** Keys in id order after {@code afterId}; only {@code userId}'s when it is not null. */
    public List<StoredApiKey> keys(Long userId, long afterId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(AccessSql.KEYS).bind("userId", userId)
                .bind("after", afterId).bind("limit", limit).map(KEY).list());
    }

    /** Revokes the key; false when it does not exist or was revoked already. */
    public boolean revoke(long keyId, long by, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate(AccessSql.REVOKE).bind("id", keyId).bind("by", by)
                .bind("at", Timestamp.from(at)).execute()) == 1;
    }

    /** Revokes every live key of the user; how many. */
    public int revokeAllOf(long userId, long by, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate(AccessSql.REVOKE_ALL_OF_USER).bind("userId", userId)
                .bind("by", by).bind("at", Timestamp.from(at)).execute());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
