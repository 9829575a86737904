package dev.accrue.http;

import dev.accrue.core.partner.Partner;
import dev.accrue.http.port.Actor;
import dev.accrue.http.port.PartnerStore;
import dev.accrue.http.port.Role;
import dev.accrue.http.port.StoreConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Creating, changing and reading partners. A partner key reads only its own partner and changes none
 * (a partner setting its own tier or attributes would set its own rewards); anything of another
 * partner answers 404, exactly as if it did not exist.
 */
final class PartnerService {
    private final PartnerStore store;
    private final Clock clock;

    PartnerService(PartnerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    record Changed(Partner partner, boolean changed) {}

    /** A new partner; its first version is in force from {@code effective_from}, or from the beginning of time. */
    Partner create(Actor actor, PartnerInput input) {
        Permission.require(actor, Permission.PARTNERS_WRITE);
        Instant from = input.effectiveFrom() != null ? input.effectiveFrom() : Partner.BEGINNING;
        Partner partner = new Partner(input.id(), input.name(), input.parent(),
                List.of(new Partner.Version(from, input.type(), input.tier(), input.attributes())));
        try {
            store.create(partner, actor.userId(), clock.instant());
        } catch (StoreConflictException e) {
            if (e.kind() == StoreConflictException.Kind.DUPLICATE) throw ApiException.conflict("partner " + input.id() + " exists already; PUT /partners/" + input.id() + " changes it");
            throw ApiException.invalid("parent", "partner '" + input.parent() + "' does not exist");
        }
        return partner;
    }

    /**
     * A new version in force from {@code effective_from} (default: now). Sent unchanged — same name,
     * parent, type, tier and attributes as now, no {@code effective_from} — it stores nothing.
     */
    Changed change(Actor actor, PartnerInput input) {
        if (actor.role() == Role.PARTNER) {
            if (actor.isOtherPartnerThan(input.id())) throw ApiException.notFound("partner " + input.id());
            throw ApiException.forbidden("a partner key may not change partner data; ask your channel manager");
        }
        Permission.require(actor, Permission.PARTNERS_WRITE);
        Instant now = clock.instant();
        Partner current = store.partner(input.id()).orElseThrow(() -> ApiException.notFound("partner " + input.id()));
        Partner.Version inForce = current.asOf(now);
        boolean same = input.effectiveFrom() == null && Objects.equals(current.name(), input.name())
                && Objects.equals(current.parent(), input.parent()) && Objects.equals(inForce.type(), input.type())
                && Objects.equals(inForce.tier(), input.tier()) && Objects.equals(inForce.attributes(), input.attributes());
        if (same) return new Changed(current, false);
        if (input.parent() != null) refuseCycle(input.id(), input.parent());
        Partner.Version version = new Partner.Version(input.effectiveFrom() != null ? input.effectiveFrom() : now,
                input.type(), input.tier(), input.attributes());
        try {
            if (!store.addVersion(input.id(), input.name(), input.parent(), version, actor.userId(), now)) {
                throw ApiException.notFound("partner " + input.id());
            }
        } catch (StoreConflictException e) {
            if (e.kind() == StoreConflictException.Kind.DUPLICATE) {
                throw ApiException.conflict("partner " + input.id() + " has a version from " + version.effectiveFrom() + " already; versions are never changed, send another effective_from");
            }
            throw ApiException.invalid("parent", "partner '" + input.parent() + "' does not exist");
        }
        return new Changed(store.partner(input.id()).orElseThrow(), true);
    }

    private void refuseCycle(String id, String parent) {
        String step = parent;
        for (int depth = 0; step != null; depth++) {
            if (step.equals(id)) throw ApiException.invalid("parent", "'" + parent + "' is below " + id + " already; a parent chain cannot loop");
            if (depth >= Limits.PARENT_DEPTH_MAX) throw ApiException.invalid("parent", "parent chains are at most " + Limits.PARENT_DEPTH_MAX + " deep");
            step = store.parentOf(step).orElse(null);
        }
    }

    Partner get(Actor actor, String id) {
        if (!mayRead(actor, id)) throw ApiException.notFound("partner " + id);
        return store.partner(id).orElseThrow(() -> ApiException.notFound("partner " + id));
    }

    /** A page of partners after {@code afterId}; a partner key's pages hold its own partner only. */
    List<Partner> page(Actor actor, String afterId, int limit) {
        String only = null;
        if (!Permission.granted(actor.role(), Permission.PARTNERS_READ_ALL)) {
            if (actor.role() != Role.PARTNER) throw ApiException.forbidden("the " + actor.role().wireName() + " role may not read partners");
            only = actor.partnerId();
        }
        return store.page(afterId, limit, only);
    }

    private static boolean mayRead(Actor actor, String id) {
        if (Permission.granted(actor.role(), Permission.PARTNERS_READ_ALL)) return true;
        return actor.role() == Role.PARTNER && actor.partnerId().equals(id);
    }
}
