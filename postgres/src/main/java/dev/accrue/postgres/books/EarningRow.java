package dev.accrue.postgres.books;

import java.time.Instant;

/** A final earning line or an adjustment as stored, its explanation already rendered as JSON. */
public record EarningRow(String kind, String program, int version, String period, String bookedIn, String partner, String payee,
                         String track, String rule, String unit, long amountMinor, String why, String explanationJson,
                         Instant recordedAt) {}
