package dev.accrue.postgres.ledger;

import static dev.accrue.core.ledger.CreateTransferResult.*;
import static dev.accrue.postgres.ledger.LedgerStoreFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountResult;
import dev.accrue.core.ledger.Balance;
import dev.accrue.core.ledger.CreateAccountResult;
import dev.accrue.core.ledger.CreateTransferResult;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferState;
import dev.accrue.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many writers at once on a real PostgreSQL: the locks, the unique keys and the retries keep the ledger whole. */
class LedgerConcurrencyTest {
    private static final int WRITERS = 16;
    private final LedgerStoreFixture ledger = new LedgerStoreFixture();
    private final ExecutorService executor = Executors.newFixedThreadPool(WRITERS);

    @AfterEach
    void close() {
        executor.shutdownNow();
        ledger.close();
    }

    /** Runs every task at once (released by one barrier) and returns their results in order. */
    private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(executor.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) results.add(future.get());
        return results;
    }

    @Test
    void aConcurrentPostAndVoidOfOnePendingTransferHaveExactlyOneWinner() throws Exception {
        int rounds = 25;
        int postsWon = 0;
        for (int r = 0; r < rounds; r++) {
            int round = r;
            Transfer pending = accrual("a" + round, ACME, "10.00", round);
            ledger.create(pending);
            List<CreateTransferResult> results = race(List.of(
                    () -> ledger.create(Transfer.postPending(id("post" + round), pending, usd("10.00"), at(round + 1))).get(0),
                    () -> ledger.create(Transfer.voidPending(id("void" + round), pending, at(round + 1))).get(0)));

            assertThat(results).as("round " + round).filteredOn(result -> result == OK).hasSize(1);
            boolean posted = results.get(0) == OK;
            assertThat(results.get(1)).as("round " + round).isEqualTo(posted ? PENDING_TRANSFER_ALREADY_POSTED : OK);
            if (!posted) assertThat(results.get(0)).as("round " + round).isEqualTo(PENDING_TRANSFER_ALREADY_VOIDED);
            assertThat(ledger.store.lookupTransfers(Set.of(pending.id())).get(pending.id()).state())
                    .isEqualTo(posted ? TransferState.POSTED : TransferState.VOIDED);
            if (posted) postsWon++;
        }
        // Each post that won moved 10.00; nothing stays pending, and the history agrees with the balances.
        assertThat(ledger.balance(ACME)).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 0, postsWon * 1000L));
        assertThat(ledger.count("SELECT count(*) FROM ledger_pending_resolutions")).isEqualTo(rounds);
        assertThat(ledger.verifier.verify().differences()).isEmpty();
    }

    @Test
    void aThousandConcurrentTransfersOnOneAccountMakeItsBalanceTheirSum() throws Exception {
        // Transfer i moves i cents to acme, i = 1..1000: the sum is 1000 × 1001 / 2 = 500,500 cents = 5,005.00.
        List<Callable<CreateTransferResult>> tasks = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            Transfer transfer = Transfer.singlePhase(id("t" + i), EXPENSE.id(), ACME.id(), new Money(i, USD),
                    dev.accrue.core.ledger.TransferCode.ACCRUAL, at(i));
            tasks.add(() -> ledger.create(transfer).get(0));
        }
        List<Future<CreateTransferResult>> futures = new ArrayList<>();
        for (Callable<CreateTransferResult> task : tasks) futures.add(executor.submit(task));
        for (Future<CreateTransferResult> future : futures) assertThat(future.get()).isEqualTo(OK);

        assertThat(ledger.balance(ACME)).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 0, 500_500));
        assertThat(ledger.balance(EXPENSE)).isEqualTo(new Balance(EXPENSE.id(), USD, 0, 500_500, 0, 0));
        assertThat(ledger.count("SELECT count(*) FROM ledger_transfers")).isEqualTo(1000);
        assertThat(ledger.verifier.verify().differences()).isEmpty();
    }

    @Test
    void accountsOpenedByManyAtOnceAreCreatedOnce() throws Exception {
        Account gamma = Account.earnings(USD, REBATE, "gamma");
        Account delta = Account.earnings(USD, REBATE, "delta");
        List<Callable<List<CreateAccountResult>>> openers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            openers.add(() -> ledger.store.createAccounts(List.of(gamma, delta)).stream().map(AccountResult::result).toList());
        }

        List<List<CreateAccountResult>> results = race(openers);

        assertThat(results).allSatisfy(pair -> assertThat(pair).allMatch(CreateAccountResult::isSuccess));
        assertThat(results.stream().flatMap(List::stream).filter(result -> result == CreateAccountResult.OK)).hasSize(2);
        assertThat(ledger.count("SELECT count(*) FROM ledger_balances WHERE account_id LIKE 'earnings:USD:rebate-2026:%'")).isEqualTo(4);
    }

    @Test
    void concurrentPaymentsNeverTakePayableBelowZero() throws Exception {
        // Payable holds 100.00; sixteen writers each pay 20.00 at once: exactly five are paid, 100.00 in all.
        ledger.create(move("e1", EXPENSE, ACME, "100.00", 0), move("m1", ACME, PAYABLE, "100.00", 1));
        List<Callable<CreateTransferResult>> payments = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Transfer payment = move("pay" + i, PAYABLE, PAID, "20.00", 2);
            payments.add(() -> ledger.create(payment).get(0));
        }

        List<CreateTransferResult> results = race(payments);

        assertThat(results).filteredOn(result -> result == OK).hasSize(5);
        assertThat(results).filteredOn(result -> result == EXCEEDS_CREDITS).hasSize(WRITERS - 5);
        assertThat(ledger.balance(PAYABLE)).isEqualTo(new Balance(PAYABLE.id(), USD, 0, 10_000, 0, 10_000));
        assertThat(ledger.balance(PAID).creditsPostedMinor()).isEqualTo(10_000);
        assertThat(ledger.verifier.verify().differences()).isEmpty();
    }

    @Test
    void theSameNewIdWrittenByManyAtOnceIsAppliedOnceAndOtherContentIsRefused() throws Exception {
        // Half the writers send 10.00 to acme, the other half 10.00 to beta, all under the id "same".
        // The accounts differ, so the locks do not order them: the unique key and a retry do.
        List<Callable<CreateTransferResult>> tasks = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Transfer transfer = move("same", EXPENSE, i % 2 == 0 ? ACME : BETA, "10.00", 0);
            tasks.add(() -> ledger.create(transfer).get(0));
        }
        List<CreateTransferResult> results = race(tasks);

        assertThat(results).filteredOn(result -> result == OK).hasSize(1);
        boolean acmeWon = results.indexOf(OK) % 2 == 0;
        for (int i = 0; i < WRITERS; i++) {
            if (results.get(i) == OK) continue;
            boolean sameAsWinner = (i % 2 == 0) == acmeWon;
            assertThat(results.get(i)).isEqualTo(sameAsWinner ? EXISTS : EXISTS_WITH_DIFFERENT_FIELDS);
        }
        assertThat(ledger.balance(EXPENSE).debitsPostedMinor()).isEqualTo(1000);
        assertThat(ledger.verifier.verify().differences()).isEmpty();
    }

    @Test
    void concurrentBatchesOverSharedAccountsInOppositeOrdersNeitherDeadlockNorLoseAnything() throws Exception {
        // Two writers, 20 batches each, every batch touching acme, beta and expense in opposite orders:
        // 100 transfers of 1.00 per batch, so 2 × 20 × 100 × 1.00 = 4,000.00 leaves expense.
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            int w = writer;
            writers.add(() -> {
                int ok = 0;
                for (int batch = 0; batch < 20; batch++) {
                    List<Transfer> transfers = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        var first = (i + w) % 2 == 0 ? ACME : BETA;
                        transfers.add(move("w" + w + "b" + batch + "t" + i, EXPENSE, first, "1.00", batch));
                    }
                    ok += (int) ledger.store.createTransfers(transfers).stream().filter(r -> r.result() == OK).count();
                }
                return ok;
            });
        }
        assertThat(race(writers)).containsExactly(2000, 2000);
        assertThat(ledger.balance(EXPENSE).debitsPostedMinor()).isEqualTo(400_000);
        assertThat(ledger.balance(ACME).creditsPostedMinor() + ledger.balance(BETA).creditsPostedMinor()).isEqualTo(400_000);
    }
}
