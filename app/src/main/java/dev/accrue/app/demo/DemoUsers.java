package dev.accrue.app.demo;

import dev.accrue.http.ApiKeys;
import dev.accrue.http.port.AccessStore;
import dev.accrue.http.port.Role;
import dev.accrue.http.port.User;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One demo user per role (the partner user bound to {@link #PARTNER_ID}). Keys are stored hashed, so a
 * restart cannot show the old ones again: each start revokes the demo users' keys and issues new ones.
 * The users themselves are created once.
 */
public final class DemoUsers {
    public static final String PARTNER_ID = "dist-acme";

    private DemoUsers() {}

    /** Role to a fresh key of that role's demo user, in role order. */
    public static Map<Role, String> ensure(AccessStore access, Clock clock) {
        Map<Role, String> keys = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String name = "demo-" + role.wireName().replace('_', '-');
            User user = access.userNamed(name).orElseGet(() -> access.createUser(name, role,
                    role == Role.PARTNER ? PARTNER_ID : null, null, clock.instant()));
            access.revokeAllOf(user.id(), user.id(), clock.instant());
            keys.put(role, ApiKeys.issue(access, user.id(), "demo", null, clock.instant()).text());
        }
        return keys;
    }
}
