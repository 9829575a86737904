package dev.accrue.core.books;

import dev.accrue.core.money.Money;
import dev.accrue.core.time.PeriodId;

/**
 * A change to a closed line that a late event made, booked in the program's open period: history is not
 * rewritten, and the line's total with its adjustments is what the full set of events earns.
 *
 * @param line     the closed line it corrects
 * @param bookedIn the open period it is booked in
 * @param amount   the difference: positive pays more, negative takes back
 * @param why      the reason in words
 */
public record Adjustment(LineKey line, PeriodId bookedIn, Money amount, long wasMinor, long nowMinor, String why) {}
