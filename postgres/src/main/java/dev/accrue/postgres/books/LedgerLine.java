package dev.accrue.postgres.books;

/**
 * What the ledger holds for one line, read from its transfers: the last pending accrual's number and,
 * if still pending, its amount; what is posted (posts, true-ups, reversals, adjustments, signed); how many
 * adjustments; and whether its period close was booked.
 */
public record LedgerLine(String hash, String program, int version, String period, String partner, String payee, String track,
                         String rule, String unit, int pendingSeq, long pendingMinor, long postedMinor, int adjustments,
                         boolean closeBooked) {}
