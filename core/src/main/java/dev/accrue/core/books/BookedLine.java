package dev.accrue.core.books;

/**
 * What the books hold for a line.
 *
 * @param pendingSeq   how many pending accruals the line has had; the open one, if any, is the last
 * @param pendingMinor the open pending accrual's amount, 0 when there is none
 * @param closed       true once its period is closed: the line is final
 * @param postedMinor  what is posted for it: the final amount, then any later adjustment
 * @param adjustments  how many adjustments late events have made to it since its close
 */
public record BookedLine(LineKey key, int pendingSeq, long pendingMinor, boolean closed, long postedMinor, int adjustments) {
    public static BookedLine fresh(LineKey key) {
        return new BookedLine(key, 0, 0, false, 0, 0);
    }
}
