package dev.accrue.http.port;

import java.time.Instant;

/** An API key as stored: the SHA-256 of its text and the prefix that finds it, never the text. */
public record ApiKey(long id, long userId, String prefix, String sha256, String label, Instant createdAt, Instant revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
