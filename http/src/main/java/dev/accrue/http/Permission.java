package dev.accrue.http;

import dev.accrue.http.port.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What each role may do, in one table. Reading one's own partner and sending its events (the partner
 * role) and managing one's own API keys (every role) are not permissions: the use cases allow them by
 * ownership.
 */
enum Permission {
    PROGRAMS_READ, PROGRAMS_WRITE, PARTNERS_READ_ALL, PARTNERS_WRITE, USERS_MANAGE, EARNINGS_READ_ALL, PERIODS_CLOSE, LIABILITY_READ, EVENTS_WRITE;

    static final Map<Role, Set<Permission>> BY_ROLE = Map.of(
            Role.ADMIN, EnumSet.allOf(Permission.class),
            Role.PROGRAM_MANAGER, EnumSet.of(PROGRAMS_READ, PROGRAMS_WRITE, PARTNERS_READ_ALL, EARNINGS_READ_ALL, PERIODS_CLOSE, LIABILITY_READ, EVENTS_WRITE),
            Role.CHANNEL_MANAGER, EnumSet.of(PROGRAMS_READ, PARTNERS_READ_ALL, PARTNERS_WRITE, EARNINGS_READ_ALL, EVENTS_WRITE),
            Role.FINANCE, EnumSet.of(PROGRAMS_READ, PARTNERS_READ_ALL, EARNINGS_READ_ALL, PERIODS_CLOSE, LIABILITY_READ),
            Role.PARTNER, EnumSet.of(PROGRAMS_READ));

    static boolean granted(Role role, Permission permission) {
        return BY_ROLE.get(role).contains(permission);
    }

    static void require(dev.accrue.http.port.Actor actor, Permission permission) {
        if (!granted(actor.role(), permission)) {
            throw ApiException.forbidden("the " + actor.role().wireName() + " role may not " + permission.describe());
        }
    }

    String describe() {
        return switch (this) {
            case PROGRAMS_READ -> "read programs";
            case PROGRAMS_WRITE -> "publish programs";
            case PARTNERS_READ_ALL -> "read every partner";
            case PARTNERS_WRITE -> "create or change partners";
            case USERS_MANAGE -> "manage users and their keys";
            case EARNINGS_READ_ALL -> "read every partner's earnings";
            case PERIODS_CLOSE -> "close periods";
            case LIABILITY_READ -> "read the accrued liability";
            case EVENTS_WRITE -> "send events";
        };
    }
}
