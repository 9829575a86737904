package dev.accrue.postgres.programs;

import java.time.Instant;
import java.time.LocalDate;

/** One immutable program version as stored: the text as posted, its canonical JSON and that JSON's SHA-256. */
public record StoredProgramVersion(
        String programId,
        int version,
        String name,
        String kind,
        String sourceFormat,
        String sourceText,
        String canonicalJson,
        String canonicalSha256,
        LocalDate effectiveFrom,
        long createdBy,
        Instant createdAt) {}
