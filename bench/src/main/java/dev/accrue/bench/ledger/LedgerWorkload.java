package dev.accrue.bench.ledger;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountCode;
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
import java.util.List;
import java.util.Random;

/**
 * A steady stream of an incentive ledger's transfers, drawn from a seed: of every 100, 70 open pending
 * accruals to a random payee's earnings, 20 post an earlier accrual at close (one in four of them in
 * part, as a true-up), 5 void one, and 5 are single-phase adjustments. Every accrual debits the one
 * incentive expense account, as in production, so every batch contends on that row. Several writers
 * each take their own share of the payees, as partitioned ingestion would (events are keyed by partner,
 * DESIGN.md decision 7), and share the company's accounts.
 */
final class LedgerWorkload {
    static final Unit USD = Unit.of("USD");
    private static final PeriodId PERIOD = PeriodId.parse("2026-Q1");

    private final Random random;
    private final List<Account> earnings = new ArrayList<>();
    private final List<ProgramId> programs = new ArrayList<>();
    private final Account expense = Account.company(AccountCode.INCENTIVE_EXPENSE, USD);
    /**
     * The accruals not yet posted or voided, oldest first, kept as numbers (id, payee, amount) rather than
     * objects: by the end of a run half a million are open, and as objects every young collection copied
     * the new ones, pausing the writers for the generator's memory rather than the ledger's.
     */
    private final OpenAccruals open = new OpenAccruals();
    private final String idPrefix;
    private long next;
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

    LedgerWorkload(long seed, String idPrefix, int payees, int programCount) {
        this(seed, idPrefix, 0, payees, programCount);
    }

    /** A stream over the payees numbered {@code payeeFrom} (inclusive) to {@code payeeTo} (exclusive) only. */
    LedgerWorkload(long seed, String idPrefix, int payeeFrom, int payeeTo, int programCount) {
        random = new Random(seed);
        this.idPrefix = idPrefix;
        for (int p = 0; p < programCount; p++) programs.add(new ProgramId("program-" + p));
        for (int payee = payeeFrom; payee < payeeTo; payee++) {
            for (ProgramId program : programs) earnings.add(Account.earnings(USD, program, "partner-" + payee));
        }
    }

    List<Account> accounts() {
        List<Account> all = new ArrayList<>(earnings);
        all.add(expense);
        for (AccountCode code : List.of(AccountCode.PAYABLE, AccountCode.PAID)) all.add(Account.company(code, USD));
        return all;
    }

    List<Transfer> nextBatch(int size) {
        List<Transfer> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            clock = clock.plusMillis(1);
            batch.add(nextTransfer());
        }
        return batch;
    }

    private Transfer nextTransfer() {
        TransferId id = new TransferId(idPrefix + next++);
        int draw = random.nextInt(100);
        // Resolve only accruals from earlier batches, so that every transfer of the stream succeeds.
        if (draw >= 70 && draw < 95 && open.size() > 2_000) {
            Transfer pending = accrual(open.oldestId(), open.oldestPayee(), open.oldestAmount(), clock);
            open.removeOldest();
            if (draw < 90) {
                long amount = random.nextInt(4) == 0 ? Math.max(1, pending.amount().amountMinor() * 9 / 10) : pending.amount().amountMinor();
                return Transfer.postPending(id, pending, new Money(amount, USD), clock);
            }
            return Transfer.voidPending(id, pending, clock);
        }
        int payee = random.nextInt(earnings.size());
        int amount = 1 + random.nextInt(50_000);
        if (draw >= 95) {
            Account account = earnings.get(payee);
            return Transfer.singlePhase(id, expense.id(), account.id(), new Money(amount, USD), TransferCode.ADJUSTMENT, clock)
                    .withUserData(userData(account));
        }
        open.add(next - 1, payee, amount);
        return accrual(next - 1, payee, amount, clock);
    }

    /** The accrual numbered {@code number}: the same transfer whenever it is made again. */
    private Transfer accrual(long number, int payee, int amount, Instant at) {
        Account account = earnings.get(payee);
        return Transfer.pending(new TransferId(idPrefix + number), expense.id(), account.id(), new Money(amount, USD), TransferCode.ACCRUAL, at)
                .withUserData(userData(account));
    }

    private static UserData userData(Account payee) {
        return new UserData(payee.program(), payee.payee(), PERIOD, "rule:base");
    }

    /** A queue of (id number, payee, amount) in three growing ring buffers. */
    private static final class OpenAccruals {
        private long[] ids = new long[1 << 16];
        private int[] payees = new int[1 << 16];
        private int[] amounts = new int[1 << 16];
        private int head;
        private int size;

        int size() {
            return size;
        }

        void add(long id, int payee, int amount) {
            if (size == ids.length) grow();
            int at = (head + size) % ids.length;
            ids[at] = id;
            payees[at] = payee;
            amounts[at] = amount;
            size++;
        }

        long oldestId() {
            return ids[head];
        }

        int oldestPayee() {
            return payees[head];
        }

        int oldestAmount() {
            return amounts[head];
        }

        void removeOldest() {
            head = (head + 1) % ids.length;
            size--;
        }

        private void grow() {
            long[] newIds = new long[ids.length * 2];
            int[] newPayees = new int[ids.length * 2];
            int[] newAmounts = new int[ids.length * 2];
            for (int i = 0; i < size; i++) {
                int from = (head + i) % ids.length;
                newIds[i] = ids[from];
                newPayees[i] = payees[from];
                newAmounts[i] = amounts[from];
            }
            ids = newIds;
            payees = newPayees;
            amounts = newAmounts;
            head = 0;
        }
    }
}
