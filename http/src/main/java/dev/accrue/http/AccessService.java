package dev.accrue.http;

import dev.accrue.http.port.AccessStore;
import dev.accrue.http.port.Actor;
import dev.accrue.http.port.ApiKey;
import dev.accrue.http.port.Role;
import dev.accrue.http.port.User;
import java.time.Clock;
import java.util.List;

/**
 * Users and API keys. Only an admin creates and lists users. Every user manages their own keys (issue,
 * list, revoke); an admin manages everyone's. Another user's key or user id answers 404 to a non-admin.
 */
final class AccessService {
    private final AccessStore store;
    private final Clock clock;

    AccessService(AccessStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    User createUser(Actor actor, String name, Role role, String partnerId) {
        Permission.require(actor, Permission.USERS_MANAGE);
        return store.createUser(name, role, partnerId, actor.userId(), clock.instant());
    }

    List<User> users(Actor actor, long afterId, int limit) {
        Permission.require(actor, Permission.USERS_MANAGE);
        return store.users(afterId, limit);
    }

    User me(Actor actor) {
        return store.user(actor.userId()).orElseThrow(() -> ApiException.unauthorized("the user of this key no longer exists"));
    }

    ApiKeys.Issued issueKey(Actor actor, long userId, String label) {
        if (!isAdmin(actor) && actor.userId() != userId) throw ApiException.notFound("user " + userId);
        store.user(userId).orElseThrow(() -> ApiException.notFound("user " + userId));
        return ApiKeys.issue(store, userId, label, actor.userId(), clock.instant());
    }

    /** Keys after {@code afterId}: an admin's list holds everyone's (or {@code userId}'s), anyone else's their own. */
    List<ApiKey> keys(Actor actor, Long userId, long afterId, int limit) {
        Long only = isAdmin(actor) ? userId : Long.valueOf(actor.userId());
        if (!isAdmin(actor) && userId != null && userId != actor.userId()) throw ApiException.notFound("user " + userId);
        return store.keys(only, afterId, limit);
    }

    /** Revokes the key; revoking a revoked key again is not an error. */
    void revoke(Actor actor, long keyId) {
        ApiKey key = store.key(keyId).orElseThrow(() -> ApiException.notFound("API key " + keyId));
        if (!isAdmin(actor) && key.userId() != actor.userId()) throw ApiException.notFound("API key " + keyId);
        store.revoke(keyId, actor.userId(), clock.instant());
    }

    private static boolean isAdmin(Actor actor) {
        return Permission.granted(actor.role(), Permission.USERS_MANAGE);
    }
}
