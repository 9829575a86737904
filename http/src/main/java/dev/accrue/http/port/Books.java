package dev.accrue.http.port;

import dev.accrue.core.event.Event;
import dev.accrue.core.money.Money;
import java.util.List;
import java.util.Map;

/**
 * The books kept from the events: live (pending) earnings, period close, and what finance and partners
 * read. The API hands every newly stored event to {@link #added}; the application books them on the
 * ledger.
 */
public interface Books {
    /** Called after events are stored durably: the engine takes them and books their earnings. */
    void added(List<Event> events);

    /**
     * Closes a program's periods through {@code period} (earlier open ones too). Closing what is closed
     * changes nothing and says so.
     *
     * @throws IllegalArgumentException for an unknown program, a period that does not parse or is not the
     *     program's kind, or a period that has not ended yet
     */
    CloseOutcome close(String programId, String period);

    /** Earnings lines, final and provisional, filtered by payee, program and period (null: any). */
    List<EarningLineView> earnings(String payee, String programId, String period);

    /** A payee's balances per program and unit. */
    List<BalanceView> balances(String payee);

    /** What a payee earned in a period: the final lines of closed periods and the adjustments booked in it. */
    List<EarningLineView> statement(String payee, String period);

    /** Accrued liability (what the earnings accounts hold) by program, period and unit. */
    List<LiabilityView> liability(String programId, String period);

    /** How far booking has got: events handed to the books, events booked, replays so far, the last error (null when fine). */
    Status status();

    record Status(long received, long booked, long replays, String lastError) {}

    /** @param alreadyClosed true when nothing was done because the period was closed before */
    record CloseOutcome(String program, String through, boolean alreadyClosed, int lines, Map<String, Money> totals) {}

    /**
     * One earning line.
     *
     * @param status   {@code provisional} (open period), {@code final} (closed) or {@code adjustment}
     * @param bookedIn the period the line is booked in: its own, or for an adjustment the open period it landed in
     */
    record EarningLineView(String program, int version, String period, String bookedIn, String partner, String payee,
                           String track, String rule, Money amount, String status, String why, Map<String, Object> explanation) {}

    /** @param paid what went out in payouts (moved to payable) */
    record BalanceView(String program, String unit, Money pending, Money posted, Money paid) {}

    record LiabilityView(String program, String period, String unit, Money pending, Money posted) {}
}
