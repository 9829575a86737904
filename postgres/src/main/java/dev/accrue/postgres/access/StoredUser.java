package dev.accrue.postgres.access;

import java.time.Instant;

/** A user as stored; {@code role} is one of the names the schema allows, {@code partnerId} set only for the partner role. */
public record StoredUser(long id, String name, String role, String partnerId, Instant createdAt) {}
