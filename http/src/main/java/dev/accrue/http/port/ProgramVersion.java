package dev.accrue.http.port;

import java.time.Instant;
import java.time.LocalDate;

/** One immutable program version: the text as posted, its canonical JSON and that JSON's SHA-256. */
public record ProgramVersion(
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
