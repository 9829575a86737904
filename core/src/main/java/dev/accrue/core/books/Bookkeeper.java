package dev.accrue.core.books;

import dev.accrue.core.engine.Earning;
import dev.accrue.core.engine.EarningLine;
import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountCode;
import dev.accrue.core.ledger.AccountId;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferCode;
import dev.accrue.core.ledger.TransferId;
import dev.accrue.core.ledger.UserData;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns what the engine computes into ledger transfers, line by line, against what the books already hold
 * (docs/ledger.md, "How money moves"). Pure: it plans, the caller writes the plan and then {@link #apply}s it.
 *
 * <p>Each open line has at most one pending accrual, equal to its provisional amount: when the amount
 * changes, the old one is voided and a new one made, linked, so the ledger never shows both or neither.
 * At close the pending accrual is posted (a smaller final amount trues it down), a larger final amount is
 * trued up, a gate that failed voids it. A late event that changes a closed line is booked as an
 * adjustment in the program's open period; the closed line's figures never change.
 */
public final class Bookkeeper {
    /** By the key's hash: what the ledger's transfer ids name. */
    private final Map<String, BookedLine> lines = new HashMap<>();

    public Bookkeeper(Collection<BookedLine> booked) {
        booked.forEach(line -> lines.put(line.key().hash(), line));
    }

    public BookedLine line(LineKey key) {
        return lines.get(key.hash());
    }

    public Collection<BookedLine> lines() {
        return List.copyOf(lines.values());
    }

    /** Records a plan as written. */
    public void apply(Plan plan) {
        plan.lines().forEach(line -> lines.put(line.key().hash(), line));
    }

    /**
     * Brings the pending accruals of open lines to the provisional amounts given; with {@code complete},
     * the amounts are every open line's (after a replay), so a booked open line missing from them is voided.
     */
    public Plan provisional(List<Earning> provisional, boolean complete, Instant at) {
        Builder plan = new Builder(at);
        Set<LineKey> seen = new LinkedHashSet<>();
        for (Earning earning : provisional) {
            for (EarningLine line : earning.lines()) {
                LineKey key = LineKey.of(earning, line);
                seen.add(key);
                BookedLine booked = lines.getOrDefault(key.hash(), BookedLine.fresh(key));
                if (!booked.closed()) plan.reaccrue(booked, Math.max(0, line.amount().amountMinor()));
            }
        }
        if (complete) {
            for (BookedLine booked : sorted(lines.values())) {
                if (!booked.closed() && booked.pendingMinor() > 0 && !seen.contains(booked.key())) plan.reaccrue(booked, 0);
            }
        }
        return plan.build();
    }

    /**
     * Closes a program's periods through {@code through} with their final earnings: posts, trues up, voids.
     * A booked line of those periods that has no final line earned nothing.
     */
    public Plan close(ProgramId program, PeriodId through, List<Earning> finals, Instant at) {
        Builder plan = new Builder(at);
        Set<LineKey> seen = new LinkedHashSet<>();
        for (Earning earning : finals) {
            if (!earning.program().equals(program) || earning.period().compareTo(through) > 0) continue;
            for (EarningLine line : earning.lines()) {
                LineKey key = LineKey.of(earning, line);
                seen.add(key);
                BookedLine booked = lines.getOrDefault(key.hash(), BookedLine.fresh(key));
                if (!booked.closed()) plan.close(booked, line.amount().amountMinor(), line.explanation().voidedBy() != null);
            }
        }
        for (BookedLine booked : sorted(lines.values())) {
            LineKey key = booked.key();
            if (booked.closed() || !key.program().equals(program) || key.period().compareTo(through) > 0 || seen.contains(key)) continue;
            plan.close(booked, 0, false);
        }
        return plan.build();
    }

    /**
     * Compares closed lines with what a replay of every event now gives them, and books each difference as
     * an adjustment in the program's open period ({@code openPeriod}).
     */
    public Plan adjust(List<Earning> replayedFinals, Function<ProgramId, PeriodId> openPeriod, Instant at) {
        Builder plan = new Builder(at);
        Map<LineKey, Long> now = new LinkedHashMap<>();
        for (Earning earning : replayedFinals) {
            for (EarningLine line : earning.lines()) now.merge(LineKey.of(earning, line), line.amount().amountMinor(), Long::sum);
        }
        for (Map.Entry<LineKey, Long> entry : now.entrySet()) {
            BookedLine booked = lines.get(entry.getKey().hash());
            if (booked != null && booked.closed() && booked.postedMinor() != entry.getValue()) {
                plan.adjust(booked, entry.getValue(), openPeriod.apply(entry.getKey().program()));
            }
        }
        for (BookedLine booked : sorted(lines.values())) {
            if (booked.closed() && booked.postedMinor() != 0 && !now.containsKey(booked.key())) {
                plan.adjust(booked, 0, openPeriod.apply(booked.key().program()));
            }
        }
        return plan.build();
    }

    private static List<BookedLine> sorted(Collection<BookedLine> lines) {
        List<BookedLine> list = new ArrayList<>(lines);
        list.sort(java.util.Comparator.comparing(line -> line.key().reference()));
        return list;
    }

    /** The transfer ids of a line: derived from its key, so a retry or a replay names the same transfers. */
    static TransferId pendingId(LineKey key, int seq) {
        return new TransferId("acc:" + key.hash() + ":" + seq);
    }

    /** Collects one plan's accounts, transfers and new line states. */
    private static final class Builder {
        private final Instant at;
        private final Set<Account> accounts = new LinkedHashSet<>();
        private final List<Transfer> transfers = new ArrayList<>();
        private final List<BookedLine> changed = new ArrayList<>();
        private final List<Adjustment> adjustments = new ArrayList<>();

        Builder(Instant at) {
            this.at = at;
        }

        Plan build() {
            return new Plan(List.copyOf(accounts), transfers, changed, adjustments);
        }

        private AccountId expense(Unit unit) {
            Account account = Account.company(AccountCode.INCENTIVE_EXPENSE, unit);
            accounts.add(account);
            return account.id();
        }

        private AccountId earnings(LineKey key) {
            Account account = Account.earnings(key.unit(), key.program(), key.payee());
            accounts.add(account);
            return account.id();
        }

        private UserData data(LineKey key, PeriodId bookedIn) {
            return new UserData(key.program(), key.payee(), bookedIn, key.reference());
        }

        /** The open pending accrual of a line as it was written, for posting or voiding it. */
        private Transfer openPending(BookedLine line) {
            LineKey key = line.key();
            return Transfer.pending(pendingId(key, line.pendingSeq()), expense(key.unit()), earnings(key),
                    new Money(line.pendingMinor(), key.unit()), TransferCode.ACCRUAL, at).withUserData(data(key, key.period()));
        }

        void reaccrue(BookedLine line, long amountMinor) {
            if (amountMinor == line.pendingMinor()) return;
            LineKey key = line.key();
            boolean replacing = line.pendingMinor() > 0;
            if (replacing) {
                Transfer voided = Transfer.voidPending(new TransferId("void:" + key.hash() + ":" + line.pendingSeq()), openPending(line), at);
                transfers.add(amountMinor > 0 ? voided.withLinked(true) : voided);
            }
            int seq = line.pendingSeq();
            if (amountMinor > 0) {
                seq++;
                transfers.add(Transfer.pending(pendingId(key, seq), expense(key.unit()), earnings(key), new Money(amountMinor, key.unit()),
                        TransferCode.ACCRUAL, at).withUserData(data(key, key.period())));
            }
            changed.add(new BookedLine(key, seq, amountMinor, false, line.postedMinor(), line.adjustments()));
        }

        void close(BookedLine line, long finalMinor, boolean voidedByGate) {
            LineKey key = line.key();
            long posted = 0;
            if (line.pendingMinor() > 0) {
                long post = voidedByGate ? 0 : Math.min(finalMinor, line.pendingMinor());
                if (post > 0) {
                    transfers.add(Transfer.postPending(new TransferId("post:" + key.hash() + ":" + line.pendingSeq()), openPending(line),
                            new Money(post, key.unit()), at));
                    posted = post;
                } else {
                    transfers.add(Transfer.voidPending(new TransferId("void:" + key.hash() + ":" + line.pendingSeq()), openPending(line), at));
                }
            }
            long rest = finalMinor - posted;
            if (rest != 0) transfers.add(move(key, rest, "close:" + key.hash(), key.period(), rest > 0 ? TransferCode.TRUE_UP : TransferCode.REVERSAL));
            changed.add(new BookedLine(key, line.pendingSeq(), 0, true, finalMinor, line.adjustments()));
        }

        void adjust(BookedLine line, long nowMinor, PeriodId bookedIn) {
            LineKey key = line.key();
            long difference = nowMinor - line.postedMinor();
            int n = line.adjustments() + 1;
            transfers.add(move(key, difference, "adj:" + key.hash() + ":" + n, bookedIn,
                    difference > 0 ? TransferCode.TRUE_UP : TransferCode.REVERSAL));
            changed.add(new BookedLine(key, line.pendingSeq(), 0, true, nowMinor, n));
            Money amount = new Money(difference, key.unit());
            adjustments.add(new Adjustment(key, bookedIn, amount, line.postedMinor(), nowMinor,
                    "adjustment for late events in closed period " + key.period() + ": " + key.rule() + " was "
                            + new Money(line.postedMinor(), key.unit()).toDecimalString() + ", now "
                            + new Money(nowMinor, key.unit()).toDecimalString()));
        }

        /** A posted transfer of {@code minor}: expense to earnings when positive, back when negative. */
        private Transfer move(LineKey key, long minor, String id, PeriodId bookedIn, TransferCode code) {
            Money amount = new Money(Math.abs(minor), key.unit());
            AccountId expense = expense(key.unit());
            AccountId earnings = earnings(key);
            Transfer transfer = minor > 0 ? Transfer.singlePhase(new TransferId(id), expense, earnings, amount, code, at)
                    : Transfer.singlePhase(new TransferId(id), earnings, expense, amount, code, at);
            return transfer.withUserData(data(key, bookedIn));
        }
    }
}
