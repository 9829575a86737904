package dev.accrue.http.port;

import java.time.Instant;

/** A user; {@code partnerId} is set for the partner role only. */
public record User(long id, String name, Role role, String partnerId, Instant createdAt) {}
