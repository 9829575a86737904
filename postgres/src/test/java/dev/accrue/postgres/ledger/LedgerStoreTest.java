package dev.accrue.postgres.ledger;

import static dev.accrue.core.ledger.CreateTransferResult.*;
import static dev.accrue.postgres.ledger.LedgerStoreFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.core.ledger.Balance;
import dev.accrue.core.ledger.PendingResolution;
import dev.accrue.core.ledger.StoredTransfer;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferCode;
import dev.accrue.core.ledger.TransferResult;
import dev.accrue.core.ledger.TransferState;
import dev.accrue.core.ledger.UserData;
import dev.accrue.core.money.Money;
import dev.accrue.core.time.PeriodId;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerStoreTest {
    private final LedgerStoreFixture ledger = new LedgerStoreFixture();

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void anAccrualPostedAtCloseIsStoredWithItsUserDataAndMovesBothBalances() {
        Transfer accrual = accrual("a1", ACME, "100.00", 0)
                .withUserData(new UserData(REBATE, "acme", PeriodId.parse("2026-Q1"), "rule:base-rate"));
        assertThat(ledger.create(accrual)).containsExactly(OK);

        // Closed at 80.00 of the 100.00 accrued.
        assertThat(ledger.create(Transfer.postPending(id("a1:post"), accrual, usd("80.00"), at(90)))).containsExactly(OK);

        assertThat(ledger.balance(ACME)).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 0, 8000));
        assertThat(ledger.balance(EXPENSE)).isEqualTo(new Balance(EXPENSE.id(), USD, 0, 8000, 0, 0));
        StoredTransfer stored = ledger.store.lookupTransfers(Set.of(id("a1"))).get(id("a1"));
        assertThat(stored.transfer()).isEqualTo(accrual);
        assertThat(stored.state()).isEqualTo(TransferState.POSTED);
        assertThat(ledger.verifier.verify().isSound()).isTrue();
    }

    @Test
    void theSameIdWithTheSameContentIsANoOpThatReturnsTheOriginal() {
        Transfer first = move("t1", EXPENSE, ACME, "10.00", 0).withUserData(new UserData(REBATE, "acme", null, "evt-1"));
        ledger.create(first);

        List<TransferResult> again = ledger.store.createTransfers(List.of(first));

        assertThat(again.get(0).result()).isEqualTo(EXISTS);
        assertThat(again.get(0).transfer().transfer()).isEqualTo(first);
        assertThat(ledger.count("SELECT count(*) FROM ledger_transfers")).isEqualTo(1);
        assertThat(ledger.balance(ACME).creditsPostedMinor()).isEqualTo(1000);
    }

    @Test
    void theSameIdWithOtherContentIsRefusedAndChangesNothing() {
        Transfer first = move("t1", EXPENSE, ACME, "10.00", 0);
        ledger.create(first);

        List<TransferResult> other = ledger.store.createTransfers(List.of(move("t1", EXPENSE, BETA, "10.00", 0)));

        assertThat(other.get(0).result()).isEqualTo(EXISTS_WITH_DIFFERENT_FIELDS);
        assertThat(other.get(0).transfer().transfer()).isEqualTo(first);
        assertThat(ledger.balance(BETA)).isEqualTo(Balance.zero(BETA.id(), USD));
    }

    @Test
    void aLinkedChainWithOneFailingTransferAppliesNone() {
        // 30.00 to acme, linked with 50.00 out of payable, which holds nothing: neither is applied.
        List<TransferResult> results = ledger.store.createTransfers(List.of(
                move("c1", EXPENSE, ACME, "30.00", 0).withLinked(true),
                move("c2", PAYABLE, PAID, "50.00", 0)));

        assertThat(results).extracting(TransferResult::result).containsExactly(LINKED_EVENT_FAILED, EXCEEDS_CREDITS);
        assertThat(ledger.count("SELECT count(*) FROM ledger_transfers")).isZero();
        assertThat(ledger.balance(ACME)).isEqualTo(Balance.zero(ACME.id(), USD));
        assertThat(ledger.balance(EXPENSE)).isEqualTo(Balance.zero(EXPENSE.id(), USD));
    }

    @Test
    void theBalanceConstraintRefusesAnOverdraftOfPayableAndChangesNothing() {
        // acme earns 100.00; 40.00 of it becomes payable; paying 40.01 would take payable below zero.
        ledger.create(move("e1", EXPENSE, ACME, "100.00", 0), move("m1", ACME, PAYABLE, "40.00", 1));
        long transfersBefore = ledger.count("SELECT count(*) FROM ledger_transfers");

        assertThat(ledger.create(move("pay1", PAYABLE, PAID, "40.01", 2))).containsExactly(EXCEEDS_CREDITS);

        assertThat(ledger.count("SELECT count(*) FROM ledger_transfers")).isEqualTo(transfersBefore);
        assertThat(ledger.balance(PAYABLE)).isEqualTo(new Balance(PAYABLE.id(), USD, 0, 0, 0, 4000));
        assertThat(ledger.balance(PAID)).isEqualTo(Balance.zero(PAID.id(), USD));
    }

    @Test
    void theDatabaseItselfRefusesABalanceBelowZeroOnAConstrainedAccount() {
        assertThatThrownBy(() -> ledger.execute("UPDATE ledger_balances SET debits_posted_minor = 1 WHERE account_id = 'payable:USD'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("ledger_balances_debits_must_not_exceed_credits");
    }

    @Test
    void transfersCannotBeUpdatedOrDeleted() {
        ledger.create(move("t1", EXPENSE, ACME, "10.00", 0));

        assertThatThrownBy(() -> ledger.execute("UPDATE ledger_transfers SET amount_minor = 1 WHERE id = 't1'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> ledger.execute("DELETE FROM ledger_transfers WHERE id = 't1'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> ledger.execute("TRUNCATE ledger_transfers CASCADE"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(ledger.count("SELECT amount_minor FROM ledger_transfers WHERE id = 't1'")).isEqualTo(1000);
    }

    @Test
    void balancesAsOfAnyTimeComeFromTheTransfers() {
        // minute 0: accrue 100.00 pending; minute 10: 7.00 at once; minute 20: post 90.00 of the 100.00;
        // minute 30: accrue 5.00 pending; minute 40: void it.
        Transfer a1 = accrual("a1", ACME, "100.00", 0);
        Transfer a2 = accrual("a2", ACME, "5.00", 30);
        ledger.create(a1, move("s1", EXPENSE, ACME, "7.00", 10), Transfer.postPending(id("p1"), a1, usd("90.00"), at(20)));
        ledger.create(a2, Transfer.voidPending(id("v2"), a2, at(40)));
        Set<dev.accrue.core.ledger.AccountId> acme = Set.of(ACME.id());

        assertThat(ledger.store.balancesAsOf(acme, at(0).minusMillis(1)).get(ACME.id())).isEqualTo(Balance.zero(ACME.id(), USD));
        assertThat(ledger.store.balancesAsOf(acme, at(0)).get(ACME.id())).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 10000, 0));
        assertThat(ledger.store.balancesAsOf(acme, at(15)).get(ACME.id())).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 10000, 700));
        assertThat(ledger.store.balancesAsOf(acme, at(20)).get(ACME.id())).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 0, 9700));
        assertThat(ledger.store.balancesAsOf(acme, at(35)).get(ACME.id())).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 500, 9700));
        assertThat(ledger.store.balancesAsOf(acme, at(40)).get(ACME.id())).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 0, 9700));
        assertThat(ledger.store.balancesAsOf(Set.of(EXPENSE.id()), at(15)).get(EXPENSE.id()))
                .isEqualTo(new Balance(EXPENSE.id(), USD, 10000, 700, 0, 0));
        assertThat(ledger.store.balancesAsOf(acme, at(999))).isEqualTo(ledger.store.balances(acme));
    }

    @Test
    void aPendingTransferPastItsTimeoutExpiresOnceAndReleasesItsReservation() {
        ledger.create(accrual("a1", ACME, "100.00", 0).withTimeoutSeconds(3600), accrual("a2", BETA, "1.00", 0));

        List<PendingResolution> expired = ledger.store.expirePendingTransfers(at(61));

        assertThat(expired).containsExactly(new PendingResolution(id("a1"), TransferState.EXPIRED, null, at(60)));
        assertThat(ledger.store.expirePendingTransfers(at(120))).isEmpty();
        assertThat(ledger.balance(ACME)).isEqualTo(Balance.zero(ACME.id(), USD));
        assertThat(ledger.balance(BETA).creditsPendingMinor()).isEqualTo(100);
        assertThat(ledger.store.balancesAsOf(Set.of(ACME.id()), at(59)).get(ACME.id()).creditsPendingMinor()).isEqualTo(10000);
        var verification = ledger.verifier.verify();
        assertThat(verification.differences()).isEmpty();
        assertThat(verification.pendingExpired()).isEqualTo(1);
        assertThat(verification.pendingOpen()).isEqualTo(1);
    }

    @Test
    void userDataWithTabsNewlinesBackslashesAndNonAsciiLettersIsStoredAsGiven() {
        Transfer transfer = move("back\\slash", EXPENSE, ACME, "1.00", 0)
                .withUserData(new UserData(REBATE, "acme\\east", null, "line one\n\tline two \\N"));
        Transfer nonAscii = move("prämie-1", EXPENSE, ACME, "1.00", 0)
                .withUserData(new UserData(REBATE, "müller", null, "Prämie ✓\tnet\\1"));
        ledger.create(transfer, nonAscii);

        assertThat(ledger.store.lookupTransfers(Set.of(transfer.id())).get(transfer.id()).transfer()).isEqualTo(transfer);
        assertThat(ledger.store.lookupTransfers(Set.of(nonAscii.id())).get(nonAscii.id()).transfer()).isEqualTo(nonAscii);
    }

    @Test
    void balancesRememberedFromEarlierBatchesAreCheckedAgainstWhatAnotherWriterCommitted() {
        // A second store on the same database stands for another process: each store remembers the
        // balances it committed last, and the other's writes make them stale.
        PostgresLedgerStore other = new PostgresLedgerStore(ledger.dataSource);
        assertThat(ledger.create(move("e1", EXPENSE, ACME, "100.00", 0), move("m1", ACME, PAYABLE, "100.00", 1))).containsOnly(OK);
        // The other store pays out all of payable; this store still remembers 100.00 there.
        assertThat(other.createTransfers(List.of(move("pay-other", PAYABLE, PAID, "100.00", 2))).get(0).result()).isEqualTo(OK);
        // A batch that writes something (the accrual) and would pay from payable: refused on what is committed.
        assertThat(ledger.create(accrual("a1", BETA, "5.00", 3), move("pay-here", PAYABLE, PAID, "60.00", 3)))
                .containsExactly(OK, EXCEEDS_CREDITS);
        // A batch that writes nothing if refused, on a stale hint the other way: the other store refills payable.
        assertThat(other.createTransfers(List.of(move("e2", EXPENSE, ACME, "50.00", 4), move("m2", ACME, PAYABLE, "50.00", 4)))
                .stream().map(TransferResult::result)).containsOnly(OK);
        assertThat(ledger.create(move("pay-here-2", PAYABLE, PAID, "50.00", 5))).containsExactly(OK);
        // And a batch whose balances another writer changed without changing its outcome stands as decided again.
        assertThat(other.createTransfers(List.of(accrual("a2", ACME, "1.00", 6))).get(0).result()).isEqualTo(OK);
        assertThat(ledger.create(accrual("a3", ACME, "2.00", 7))).containsExactly(OK);

        assertThat(ledger.balance(PAYABLE)).isEqualTo(new Balance(PAYABLE.id(), USD, 0, 15_000, 0, 15_000));
        assertThat(ledger.balance(ACME)).isEqualTo(new Balance(ACME.id(), USD, 0, 15_000, 300, 15_000));
        assertThat(ledger.balance(EXPENSE)).isEqualTo(new Balance(EXPENSE.id(), USD, 800, 15_000, 0, 0));
        assertThat(ledger.verifier.verify().differences()).isEmpty();
    }

    @Test
    void aChangeAddedToABalanceThatAnotherWriterFilledUpIsRefusedAsAnOverflowNotAnError() {
        // The store adds a batch's change to each balance row as it stands; here the row another writer
        // filled makes that sum pass a long, which the store must answer as the core would on fresh balances.
        PostgresLedgerStore other = new PostgresLedgerStore(ledger.dataSource);
        assertThat(ledger.create(accrual("a1", ACME, "1.00", 0))).containsExactly(OK);
        long nearlyAll = Long.MAX_VALUE - 1_000;
        Transfer big = Transfer.singlePhase(id("big"), EXPENSE.id(), BETA.id(), new Money(nearlyAll, USD), TransferCode.ADJUSTMENT, at(1));
        assertThat(other.createTransfers(List.of(big)).get(0).result()).isEqualTo(OK);
        // This store remembers expense at 1.00 pending and nothing posted, on which 20.00 more would fit.
        assertThat(ledger.create(move("m1", EXPENSE, ACME, "20.00", 2))).containsExactly(OVERFLOWS_DEBITS);

        assertThat(ledger.balance(EXPENSE)).isEqualTo(new Balance(EXPENSE.id(), USD, 100, nearlyAll, 0, 0));
        assertThat(ledger.balance(ACME)).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 100, 0));
        assertThat(ledger.create(move("m2", EXPENSE, ACME, "5.00", 3))).containsExactly(OK);
        assertThat(ledger.verifier.verify().differences()).isEmpty();
    }

    @Test
    void aPendingTransferAccruedByAnotherWriterCanBeVoidedOnABalanceThisStoreRemembersFromBefore() {
        // This store remembers acme with 1.00 pending; another writer accrues 5.00 more there, and this
        // store voids that accrual: on the remembered balance the void would take pending below zero.
        PostgresLedgerStore other = new PostgresLedgerStore(ledger.dataSource);
        assertThat(ledger.create(accrual("a1", ACME, "1.00", 0))).containsExactly(OK);
        Transfer elsewhere = accrual("a2", ACME, "5.00", 1);
        assertThat(other.createTransfers(List.of(elsewhere)).get(0).result()).isEqualTo(OK);

        assertThat(ledger.create(Transfer.voidPending(id("v2"), elsewhere, at(2)))).containsExactly(OK);

        assertThat(ledger.balance(ACME)).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 100, 0));
        assertThat(ledger.balance(EXPENSE)).isEqualTo(new Balance(EXPENSE.id(), USD, 100, 0, 0, 0));
        assertThat(ledger.verifier.verify().differences()).isEmpty();
    }
}
