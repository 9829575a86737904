package dev.accrue.http;

import dev.accrue.core.partner.Partner;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /partners}: create, change (a new effective-dated version), list with a cursor, read as of a time. */
final class PartnerRoutes {
    private final PartnerService partners;
    private final Clock clock;

    PartnerRoutes(PartnerService partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    void register(RouteTable routes) {
        routes.post(ApiServer.BASE + "/partners", this::create);
        routes.put(ApiServer.BASE + "/partners/{id}", this::change);
        routes.get(ApiServer.BASE + "/partners", this::list);
        routes.get(ApiServer.BASE + "/partners/{id}", this::get);
    }

    private void create(Context ctx) {
        Partner partner = partners.create(Authentication.actor(ctx), PartnerInput.read(Json.objectBody(ctx), null));
        ctx.header("Location", ApiServer.BASE + "/partners/" + partner.id());
        Json.respond(ctx, 201, detail(partner, clock.instant()));
    }

    private void change(Context ctx) {
        PartnerInput input = PartnerInput.read(Json.objectBody(ctx), ctx.pathParam("id"));
        PartnerService.Changed changed = partners.change(Authentication.actor(ctx), input);
        Map<String, Object> body = detail(changed.partner(), clock.instant());
        body.put("changed", changed.changed());
        Json.respond(ctx, 200, body);
    }

    private void list(Context ctx) {
        int limit = Cursor.pageSize(ctx.queryParam("limit"));
        List<Partner> page = partners.page(Authentication.actor(ctx), Cursor.decode(ctx.queryParam("cursor")), limit + 1);
        Instant now = clock.instant();
        List<Map<String, Object>> items = page.stream().limit(limit).map(partner -> state(partner, now)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next_cursor", page.size() > limit ? Cursor.encode(page.get(limit - 1).id()) : null);
        Json.respond(ctx, 200, body);
    }

    private void get(Context ctx) {
        String asOfText = ctx.queryParam("as_of");
        Instant asOf = asOfText == null ? clock.instant() : PartnerInput.parseInstant(asOfText);
        if (asOf == null) throw ApiException.invalid("as_of", "a date or an instant, e.g. 2026-04-01 or 2026-04-01T00:00:00Z; got '" + asOfText + "'");
        Partner partner = partners.get(Authentication.actor(ctx), ctx.pathParam("id"));
        Json.respond(ctx, 200, detail(partner, asOf));
    }

    /** The partner as of {@code at}, with its whole history. */
    static Map<String, Object> detail(Partner partner, Instant at) {
        Map<String, Object> body = state(partner, at);
        body.put("as_of", at.toString());
        body.put("versions", partner.versions().stream().map(PartnerRoutes::version).toList());
        return body;
    }

    /** The partner as of {@code at}: the version in force then, flattened. */
    static Map<String, Object> state(Partner partner, Instant at) {
        Partner.Version version = partner.asOf(at);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", partner.id());
        body.put("name", partner.name());
        body.put("parent", partner.parent());
        body.put("type", version.type());
        body.put("tier", version.tier());
        body.put("attributes", version.attributes());
        body.put("effective_from", version.effectiveFrom().toString());
        return body;
    }

    private static Map<String, Object> version(Partner.Version version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effective_from", version.effectiveFrom().toString());
        body.put("type", version.type());
        body.put("tier", version.tier());
        body.put("attributes", version.attributes());
        return body;
    }
}
