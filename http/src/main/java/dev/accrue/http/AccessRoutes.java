package dev.accrue.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accrue.http.port.Actor;
import dev.accrue.http.port.ApiKey;
import dev.accrue.http.port.Role;
import dev.accrue.http.port.User;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /me}, {@code /users} and {@code /api-keys}. */
final class AccessRoutes {
    private static final Set<String> USER_FIELDS = Set.of("name", "role", "partner_id");
    private static final Set<String> KEY_FIELDS = Set.of("label");

    private final AccessService access;

    AccessRoutes(AccessService access) {
        this.access = access;
    }

    void register(RouteTable routes) {
        routes.get(ApiServer.BASE + "/me", this::me);
        routes.post(ApiServer.BASE + "/users", this::createUser);
        routes.get(ApiServer.BASE + "/users", this::users);
        routes.post(ApiServer.BASE + "/users/{id}/api-keys", this::issueKey);
        routes.get(ApiServer.BASE + "/api-keys", this::keys);
        routes.delete(ApiServer.BASE + "/api-keys/{id}", this::revoke);
    }

    private void me(Context ctx) {
        Actor actor = Authentication.actor(ctx);
        Map<String, Object> body = user(access.me(actor));
        body.put("api_key_id", actor.apiKeyId());
        Json.respond(ctx, 200, body);
    }

    private void createUser(Context ctx) {
        ObjectNode body = Json.objectBody(ctx);
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, USER_FIELDS, errors);
        String name = text(body, "name", errors);
        if (name != null && (name.isBlank() || name.length() > Limits.NAME_LENGTH_MAX)) errors.add(FieldError.of("name", "1 to " + Limits.NAME_LENGTH_MAX + " characters"));
        String roleName = text(body, "role", errors);
        Role role = roleName == null ? null : Role.fromWire(roleName).orElse(null);
        if (roleName != null && role == null) errors.add(FieldError.of("role", "one of " + Arrays.stream(Role.values()).map(Role::wireName).toList()));
        JsonNode partnerNode = body.get("partner_id");
        String partnerId = partnerNode == null || partnerNode.isNull() ? null : partnerNode.asText();
        if (role == Role.PARTNER && partnerId == null) errors.add(FieldError.of("partner_id", "is required for the partner role"));
        if (role != null && role != Role.PARTNER && partnerId != null) errors.add(FieldError.of("partner_id", "only a partner user is bound to a partner"));
        if (partnerId != null && !PartnerInput.ID.matcher(partnerId).matches()) errors.add(FieldError.of("partner_id", "is not a partner id"));
        if (!errors.isEmpty()) throw ApiException.invalid("the user has " + errors.size() + " error" + (errors.size() == 1 ? "" : "s"), errors);
        User created = access.createUser(Authentication.actor(ctx), name, role, partnerId);
        ctx.header("Location", ApiServer.BASE + "/users/" + created.id());
        Json.respond(ctx, 201, user(created));
    }

    private void users(Context ctx) {
        int limit = Cursor.pageSize(ctx.queryParam("limit"));
        List<User> page = access.users(Authentication.actor(ctx), afterId(ctx), limit + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().limit(limit).map(AccessRoutes::user).toList());
        body.put("next_cursor", page.size() > limit ? Cursor.encode(Long.toString(page.get(limit - 1).id())) : null);
        Json.respond(ctx, 200, body);
    }

    private void issueKey(Context ctx) {
        long userId = id(ctx, "user");
        String label = null;
        if (!ctx.body().isBlank()) {
            ObjectNode body = Json.objectBody(ctx);
            List<FieldError> errors = new ArrayList<>();
            unknownFields(body, KEY_FIELDS, errors);
            JsonNode node = body.get("label");
            if (node != null && !node.isNull()) {
                if (!node.isTextual() || node.textValue().length() > Limits.NAME_LENGTH_MAX) errors.add(FieldError.of("label", "a string of at most " + Limits.NAME_LENGTH_MAX + " characters"));
                else label = node.textValue();
            }
            if (!errors.isEmpty()) throw ApiException.invalid("the key has " + errors.size() + " error" + (errors.size() == 1 ? "" : "s"), errors);
        }
        ApiKeys.Issued issued = access.issueKey(Authentication.actor(ctx), userId, label);
        Map<String, Object> body = key(issued.key());
        body.put("key", issued.text());
        body.put("note", "The key is shown only this once; store it now. Accrue keeps only its SHA-256.");
        Json.respond(ctx, 201, body);
    }

    private void keys(Context ctx) {
        int limit = Cursor.pageSize(ctx.queryParam("limit"));
        String userParameter = ctx.queryParam("user_id");
        Long userId = null;
        if (userParameter != null) {
            try {
                userId = Long.parseLong(userParameter);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("user_id is a number, got '" + userParameter + "'");
            }
        }
        List<ApiKey> page = access.keys(Authentication.actor(ctx), userId, afterId(ctx), limit + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().limit(limit).map(AccessRoutes::key).toList());
        body.put("next_cursor", page.size() > limit ? Cursor.encode(Long.toString(page.get(limit - 1).id())) : null);
        Json.respond(ctx, 200, body);
    }

    private void revoke(Context ctx) {
        access.revoke(Authentication.actor(ctx), id(ctx, "API key"));
        ctx.status(204);
    }

    private static long afterId(Context ctx) {
        String after = Cursor.decode(ctx.queryParam("cursor"));
        try {
            return after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("the cursor is not one this server gave");
        }
    }

    private static long id(Context ctx, String what) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound(what + " " + ctx.pathParam("id"));
        }
    }

    private static void unknownFields(ObjectNode body, Set<String> known, List<FieldError> errors) {
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) errors.add(FieldError.of(name, "unknown field; expected " + known.stream().sorted().toList()));
        });
    }

    private static String text(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            errors.add(FieldError.of(field, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(FieldError.of(field, "must be a string"));
            return null;
        }
        return node.textValue();
    }

    static Map<String, Object> user(User user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", user.id());
        body.put("name", user.name());
        body.put("role", user.role().wireName());
        body.put("partner_id", user.partnerId());
        body.put("created_at", user.createdAt().toString());
        return body;
    }

    static Map<String, Object> key(ApiKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", key.id());
        body.put("user_id", key.userId());
        body.put("prefix", key.prefix());
        body.put("label", key.label());
        body.put("created_at", key.createdAt().toString());
        body.put("revoked_at", key.revokedAt() == null ? null : key.revokedAt().toString());
        return body;
    }
}
