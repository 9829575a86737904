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
import java.util.ArrayDeque;
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
    private final ArrayDeque<Transfer> open = new ArrayDeque<>();
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
            Transfer pending = open.pollFirst();
            if (draw < 90) {
                long amount = random.nextInt(4) == 0 ? Math.max(1, pending.amount().amountMinor() * 9 / 10) : pending.amount().amountMinor();
                return Transfer.postPending(id, pending, new Money(amount, USD), clock);
            }
            return Transfer.voidPending(id, pending, clock);
        }
        Account payee = earnings.get(random.nextInt(earnings.size()));
        Money amount = new Money(1 + random.nextInt(50_000), USD);
        UserData data = new UserData(payee.program(), payee.payee(), PERIOD, "rule:base");
        if (draw >= 95) {
            return Transfer.singlePhase(id, expense.id(), payee.id(), amount, TransferCode.ADJUSTMENT, clock).withUserData(data);
        }
        Transfer accrual = Transfer.pending(id, expense.id(), payee.id(), amount, TransferCode.ACCRUAL, clock).withUserData(data);
        open.addLast(accrual);
        return accrual;
    }
}
