package dev.accrue.http.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and API keys. A key prefix is unique: {@link #createKey} fails with a DUPLICATE conflict on a clash. */
public interface AccessStore {
    User createUser(String name, Role role, String partnerId, Long createdBy, Instant at);

    Optional<User> user(long id);

    Optional<User> userNamed(String name);

    List<User> users(long afterId, int limit);

    long userCount();

    ApiKey createKey(long userId, String prefix, String sha256, String label, Long createdBy, Instant at);

    Optional<ApiKey> key(long id);

    Optional<ApiKey> keyByPrefix(String prefix);

    /** Keys in id order after {@code afterId}; only {@code userId}'s when it is not null. */
    List<ApiKey> keys(Long userId, long afterId, int limit);

    boolean revoke(long keyId, long by, Instant at);

    int revokeAllOf(long userId, long by, Instant at);
}
