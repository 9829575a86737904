package dev.accrue.http.port;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user may do; a partner user is also bound to one partner. The wire name is the lower-case name. */
public enum Role {
    ADMIN, PROGRAM_MANAGER, CHANNEL_MANAGER, FINANCE, PARTNER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
    }
}
