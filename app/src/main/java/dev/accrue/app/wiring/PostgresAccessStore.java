package dev.accrue.app.wiring;

import dev.accrue.http.port.AccessStore;
import dev.accrue.http.port.ApiKey;
import dev.accrue.http.port.Role;
import dev.accrue.http.port.User;
import dev.accrue.postgres.access.AccessRepository;
import dev.accrue.postgres.access.StoredApiKey;
import dev.accrue.postgres.access.StoredUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API's access store on the PostgreSQL repository. */
final class PostgresAccessStore implements AccessStore {
    private final AccessRepository repository;

    PostgresAccessStore(AccessRepository repository) {
        this.repository = repository;
    }

    @Override
    public User createUser(String name, Role role, String partnerId, Long createdBy, Instant at) {
        return toPort(Conflicts.translate(() -> repository.createUser(name, role.wireName(), partnerId, createdBy, at)));
    }

    @Override
    public Optional<User> user(long id) {
        return repository.user(id).map(PostgresAccessStore::toPort);
    }

    @Override
    public Optional<User> userNamed(String name) {
        return repository.userNamed(name).map(PostgresAccessStore::toPort);
    }

    @Override
    public List<User> users(long afterId, int limit) {
        return repository.users(afterId, limit).stream().map(PostgresAccessStore::toPort).toList();
    }

    @Override
    public long userCount() {
        return repository.userCount();
    }

    @Override
    public ApiKey createKey(long userId, String prefix, String sha256, String label, Long createdBy, Instant at) {
        return toPort(Conflicts.translate(() -> repository.createKey(userId, prefix, sha256, label, createdBy, at)));
    }

    @Override
    public Optional<ApiKey> key(long id) {
        return repository.key(id).map(PostgresAccessStore::toPort);
    }

    @Override
    public Optional<ApiKey> keyByPrefix(String prefix) {
        return repository.keyByPrefix(prefix).map(PostgresAccessStore::toPort);
    }

    @Override
    public List<ApiKey> keys(Long userId, long afterId, int limit) {
        return repository.keys(userId, afterId, limit).stream().map(PostgresAccessStore::toPort).toList();
    }

    @Override
    public boolean revoke(long keyId, long by, Instant at) {
        return repository.revoke(keyId, by, at);
    }

    @Override
    public int revokeAllOf(long userId, long by, Instant at) {
        return repository.revokeAllOf(userId, by, at);
    }

    private static User toPort(StoredUser user) {
        Role role = Role.fromWire(user.role()).orElseThrow(() -> new IllegalStateException("unknown stored role " + user.role()));
        return new User(user.id(), user.name(), role, user.partnerId(), user.createdAt());
    }

    private static ApiKey toPort(StoredApiKey key) {
        return new ApiKey(key.id(), key.userId(), key.prefix(), key.sha256(), key.label(), key.createdAt(), key.revokedAt());
    }
}
