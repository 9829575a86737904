package dev.accrue.postgres.access;

import java.time.Instant;

/** An API key as stored: never its text, only the SHA-256 of it and the short prefix used to find it. */
public record StoredApiKey(long id, long userId, String prefix, String sha256, String label, Instant createdAt, Instant revokedAt) {}
