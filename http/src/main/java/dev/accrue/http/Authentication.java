package dev.accrue.http;

import dev.accrue.http.port.AccessStore;
import dev.accrue.http.port.Actor;
import dev.accrue.http.port.ApiKey;
import dev.accrue.http.port.User;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/** Finds the actor of a request from its {@code Authorization: Bearer <key>} header; every other path than the public ones needs one. */
final class Authentication {
    static final Set<String> PUBLIC_PATHS = Set.of(ApiServer.BASE + "/health", ApiServer.BASE + "/openapi.json");
    private static final String ACTOR = "accrue.actor";
    private static final String BEARER = "Bearer ";

    private final AccessStore access;

    Authentication(AccessStore access) {
        this.access = access;
    }

    void authenticate(Context ctx) {
        if (PUBLIC_PATHS.contains(ctx.path())) return;
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("send an API key as 'Authorization: Bearer <key>'");
        }
        String text = header.substring(BEARER.length()).trim();
        Actor actor = actorOf(text).orElseThrow(() -> ApiException.unauthorized("the API key is not valid (unknown or revoked)"));
        ctx.attribute(ACTOR, actor);
    }

    private Optional<Actor> actorOf(String text) {
        Optional<String> prefix = ApiKeys.prefixOf(text);
        if (prefix.isEmpty()) return Optional.empty();
        Optional<ApiKey> key = access.keyByPrefix(prefix.get());
        if (key.isEmpty() || key.get().revoked() || !ApiKeys.matches(text, key.get().sha256())) return Optional.empty();
        Optional<User> user = access.user(key.get().userId());
        return user.map(found -> new Actor(found.id(), found.name(), found.role(), found.partnerId(), key.get().id()));
    }

    /** The actor of an authenticated request. */
    static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) throw new IllegalStateException("no actor on an authenticated path: " + ctx.path());
        return actor;
    }
}
