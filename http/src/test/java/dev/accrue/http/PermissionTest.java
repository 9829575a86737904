package dev.accrue.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.http.port.Role;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PermissionTest {
    /** The whole table, written out: role, permission, granted. */
    static Stream<Arguments> table() {
        Object[][] rows = {
                // role               PROGRAMS_ PROGRAMS_ PARTNERS_ PARTNERS_ USERS_  EARNINGS_ PERIODS_ LIABILITY_ EVENTS_
                //                    READ      WRITE     READ_ALL  WRITE     MANAGE  READ_ALL  CLOSE    READ       WRITE
                {Role.ADMIN,           true,     true,     true,     true,     true,   true,     true,    true,      true},
                {Role.PROGRAM_MANAGER, true,     true,     true,     false,    false,  true,     true,    true,      true},
                {Role.CHANNEL_MANAGER, true,     false,    true,     true,     false,  true,     false,   false,     true},
                {Role.FINANCE,         true,     false,    true,     false,    false,  true,     true,    true,      false},
                {Role.PARTNER,         true,     false,    false,    false,    false,  false,    false,   false,     false},
        };
        return Stream.of(rows).flatMap(row -> Stream.of(Permission.values())
                .map(permission -> Arguments.of(row[0], permission, row[1 + permission.ordinal()])));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("table")
    void eachRoleHasExactlyThePermissionsOfTheTable(Role role, Permission permission, boolean granted) {
        assertThat(Permission.granted(role, permission)).isEqualTo(granted);
    }
}
