package dev.accrue.core.ledger;

import static dev.accrue.core.ledger.CreateTransferResult.*;
import static dev.accrue.core.ledger.LedgerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.core.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerBatchTest {
    private final InMemoryLedgerStore store = LedgerFixture.store();

    private List<CreateTransferResult> create(Transfer... transfers) {
        return store.createTransfers(List.of(transfers)).stream().map(TransferResult::result).toList();
    }

    private Balance balance(Account account) {
        return store.balances(Set.of(account.id())).get(account.id());
    }

    @Test
    void aSinglePhaseTransferPostsOnBothSides() {
        assertThat(create(move("t1", EXPENSE, ACME, "120.50", 0))).containsExactly(OK);

        assertThat(balance(EXPENSE)).isEqualTo(new Balance(EXPENSE.id(), USD, 0, 12050, 0, 0));
        assertThat(balance(ACME)).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 0, 12050));
    }

    @Test
    void aPendingAccrualReservesUntilPostedInPartAndReleasesTheRest() {
        Transfer accrual = accrual("a1", ACME, "100.00", 0);
        create(accrual);
        assertThat(balance(ACME).creditsPendingMinor()).isEqualTo(10000);

        // Trued up at close: 80.00 of the 100.00 accrued is earned, the other 20.00 is released.
        assertThat(create(Transfer.postPending(id("p1"), accrual, usd("80.00"), at(60)))).containsExactly(OK);

        assertThat(balance(ACME)).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 0, 8000));
        assertThat(balance(EXPENSE)).isEqualTo(new Balance(EXPENSE.id(), USD, 0, 8000, 0, 0));
        assertThat(store.lookupTransfers(Set.of(id("a1"))).get(id("a1")).state()).isEqualTo(TransferState.POSTED);
    }

    @Test
    void aVoidedAccrualLeavesNoBalance() {
        Transfer accrual = accrual("a1", ACME, "100.00", 0);
        create(accrual);

        assertThat(create(Transfer.voidPending(id("v1"), accrual, at(60)))).containsExactly(OK);

        assertThat(balance(ACME)).isEqualTo(Balance.zero(ACME.id(), USD));
        assertThat(balance(EXPENSE)).isEqualTo(Balance.zero(EXPENSE.id(), USD));
        assertThat(store.lookupTransfers(Set.of(id("a1"))).get(id("a1")).state()).isEqualTo(TransferState.VOIDED);
    }

    @Test
    void aPendingTransferIsPostedOrVoidedNeverBoth() {
        Transfer accrual = accrual("a1", ACME, "100.00", 0);
        create(accrual);
        create(Transfer.postPending(id("p1"), accrual, usd("100.00"), at(60)));

        assertThat(create(Transfer.voidPending(id("v1"), accrual, at(61)))).containsExactly(PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(create(Transfer.postPending(id("p2"), accrual, usd("1.00"), at(62)))).containsExactly(PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(balance(ACME).creditsPostedMinor()).isEqualTo(10000);
    }

    @Test
    void aVoidedTransferCannotBePostedLater() {
        Transfer accrual = accrual("a1", ACME, "100.00", 0);
        create(accrual, Transfer.voidPending(id("v1"), accrual, at(1)));

        assertThat(create(Transfer.postPending(id("p1"), accrual, usd("100.00"), at(2)))).containsExactly(PENDING_TRANSFER_ALREADY_VOIDED);
    }

    @Test
    void thePostMustMatchThePendingTransfer() {
        Transfer accrual = accrual("a1", ACME, "100.00", 10);
        create(accrual);

        assertThat(create(Transfer.postPending(id("p1"), accrual, usd("100.01"), at(11)))).containsExactly(EXCEEDS_PENDING_TRANSFER_AMOUNT);
        assertThat(create(Transfer.voidPending(id("v1"), accrual, at(11)).withLinked(false)
                .withUserData(UserData.NONE))).containsExactly(OK);
        Transfer other = accrual("a2", ACME, "5.00", 10);
        create(other);
        Transfer wrongCredit = new Transfer(id("p2"), EXPENSE.id(), BETA.id(), usd("5.00"), TransferKind.POST_PENDING,
                other.id(), 0, false, at(11), TransferCode.ACCRUAL, UserData.NONE);
        assertThat(create(wrongCredit)).containsExactly(PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT);
        Transfer early = Transfer.postPending(id("p3"), other, usd("5.00"), at(9));
        assertThat(create(early)).containsExactly(TIMESTAMP_BEFORE_PENDING_TRANSFER);
        Transfer partialVoid = new Transfer(id("v2"), EXPENSE.id(), ACME.id(), usd("4.00"), TransferKind.VOID_PENDING,
                other.id(), 0, false, at(11), TransferCode.ACCRUAL, UserData.NONE);
        assertThat(create(partialVoid)).containsExactly(PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT);
        assertThat(create(Transfer.postPending(id("p4"), move("x", EXPENSE, ACME, "1.00", 0), usd("1.00"), at(11))))
                .containsExactly(PENDING_TRANSFER_NOT_FOUND);
    }

    @Test
    void theSameIdWithTheSameContentIsANoOpThatReturnsTheOriginal() {
        Transfer first = move("t1", EXPENSE, ACME, "10.00", 0);
        create(first);

        List<TransferResult> again = store.createTransfers(List.of(first));

        assertThat(again.get(0).result()).isEqualTo(EXISTS);
        assertThat(again.get(0).transfer().transfer()).isEqualTo(first);
        assertThat(balance(ACME).creditsPostedMinor()).isEqualTo(1000);
    }

    @Test
    void theSameIdWithOtherContentIsRefusedAndTheOriginalReturned() {
        Transfer first = move("t1", EXPENSE, ACME, "10.00", 0);
        create(first);

        List<TransferResult> other = store.createTransfers(List.of(move("t1", EXPENSE, ACME, "10.01", 0)));

        assertThat(other.get(0).result()).isEqualTo(EXISTS_WITH_DIFFERENT_FIELDS);
        assertThat(other.get(0).transfer().transfer()).isEqualTo(first);
        assertThat(balance(ACME).creditsPostedMinor()).isEqualTo(1000);
    }

    @Test
    void aLinkedChainWithOneFailingTransferAppliesNone() {
        // The chain moves 30.00 to acme, then 50.00 from payable (which holds nothing) to paid.
        Transfer toAcme = move("c1", EXPENSE, ACME, "30.00", 0).withLinked(true);
        Transfer overdraft = move("c2", PAYABLE, PAID, "50.00", 0);
        Transfer after = move("c3", EXPENSE, BETA, "1.00", 0);

        assertThat(create(toAcme, overdraft, after)).containsExactly(LINKED_EVENT_FAILED, EXCEEDS_CREDITS, OK);

        assertThat(balance(ACME)).isEqualTo(Balance.zero(ACME.id(), USD));
        assertThat(balance(BETA).creditsPostedMinor()).isEqualTo(100);
        assertThat(store.lookupTransfers(Set.of(id("c1")))).isEmpty();
    }

    @Test
    void aFailedChainUndoesAPendingTransferItCreatedAndPosted() {
        Transfer accrual = accrual("a1", ACME, "10.00", 0).withLinked(true);
        Transfer post = Transfer.postPending(id("p1"), accrual, usd("10.00"), at(1)).withLinked(true);
        Transfer overdraft = move("x1", PAYABLE, PAID, "0.01", 2);

        assertThat(create(accrual, post, overdraft)).containsExactly(LINKED_EVENT_FAILED, LINKED_EVENT_FAILED, EXCEEDS_CREDITS);

        assertThat(store.lookupTransfers(Set.of(id("a1"), id("p1")))).isEmpty();
        assertThat(balance(ACME)).isEqualTo(Balance.zero(ACME.id(), USD));
        assertThat(create(accrual.withLinked(false))).containsExactly(OK);
    }

    @Test
    void aLinkedChainLeftOpenAtTheEndOfTheBatchFails() {
        assertThat(create(move("c1", EXPENSE, ACME, "1.00", 0).withLinked(true), move("c2", EXPENSE, BETA, "1.00", 0).withLinked(true)))
                .containsExactly(LINKED_EVENT_FAILED, LINKED_EVENT_CHAIN_OPEN);
        assertThat(balance(EXPENSE)).isEqualTo(Balance.zero(EXPENSE.id(), USD));
    }

    @Test
    void aRetriedChainAnswersExistsThroughout() {
        Transfer c1 = move("c1", EXPENSE, ACME, "1.00", 0).withLinked(true);
        Transfer c2 = move("c2", EXPENSE, BETA, "2.00", 0);
        create(c1, c2);

        assertThat(create(c1, c2)).containsExactly(EXISTS, EXISTS);
        assertThat(balance(EXPENSE).debitsPostedMinor()).isEqualTo(300);
    }

    @Test
    void theBalanceConstraintRefusesAnOverdraftOfPayableAndChangesNothing() {
        // Payable holds 40.00 (moved from acme's 100.00 of posted earnings); paying 40.01 is refused.
        create(move("e1", EXPENSE, ACME, "100.00", 0), move("m1", ACME, PAYABLE, "40.00", 1));

        assertThat(create(move("pay1", PAYABLE, PAID, "40.01", 2))).containsExactly(EXCEEDS_CREDITS);
        assertThat(balance(PAYABLE)).isEqualTo(new Balance(PAYABLE.id(), USD, 0, 0, 0, 4000));
        assertThat(create(move("pay2", PAYABLE, PAID, "40.00", 2))).containsExactly(OK);
        assertThat(balance(PAYABLE).creditBalancePosted()).isEqualTo(usd("0.00"));
    }

    @Test
    void pendingEarningsCannotBeMadePayable() {
        create(accrual("a1", ACME, "100.00", 0));

        assertThat(create(move("m1", ACME, PAYABLE, "0.01", 1))).containsExactly(EXCEEDS_CREDITS);
    }

    @Test
    void incentiveExpenseCannotBeCreditedPastWhatWasDebited() {
        create(move("e1", EXPENSE, ACME, "10.00", 0));

        assertThat(create(move("r1", ACME, EXPENSE, "10.01", 1))).containsExactly(EXCEEDS_CREDITS);
        assertThat(create(new Transfer(id("r2"), PAID.id(), EXPENSE.id(), usd("10.01"), TransferKind.SINGLE_PHASE, null, 0, false,
                at(1), TransferCode.REVERSAL, UserData.NONE))).containsExactly(EXCEEDS_DEBITS);
    }

    @Test
    void accountsAndAmountMustShareOneUnit() {
        assertThat(create(Transfer.singlePhase(id("u1"), EXPENSE.id(), ACME_POINTS.id(), usd("1.00"), TransferCode.ACCRUAL, T0)))
                .containsExactly(ACCOUNTS_MUST_HAVE_SAME_UNIT);
        assertThat(create(Transfer.singlePhase(id("u2"), EXPENSE_POINTS.id(), ACME_POINTS.id(), usd("1.00"), TransferCode.ACCRUAL, T0)))
                .containsExactly(TRANSFER_MUST_HAVE_SAME_UNIT_AS_ACCOUNTS);
    }

    @Test
    void malformedTransfersAreRefusedWithTheirReason() {
        assertThat(create(
                move("z", EXPENSE, ACME, "0.00", 0),
                move("same", ACME, ACME, "1.00", 0),
                move("ghost", EXPENSE, Account.earnings(USD, REBATE, "nobody"), "1.00", 0),
                move("ghost2", Account.earnings(USD, REBATE, "nobody"), ACME, "1.00", 0),
                move("t", EXPENSE, ACME, "1.00", 0).withTimeoutSeconds(60),
                accrual("neg", ACME, "1.00", 0).withTimeoutSeconds(-1)))
                .containsExactly(AMOUNT_MUST_BE_POSITIVE, ACCOUNTS_MUST_BE_DIFFERENT, CREDIT_ACCOUNT_NOT_FOUND,
                        DEBIT_ACCOUNT_NOT_FOUND, TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, TIMEOUT_OUT_OF_RANGE);
    }

    @Test
    void aTransferSeesTheOnesBeforeItInTheSameBatch() {
        Transfer accrual = accrual("a1", ACME, "25.00", 0);

        assertThat(create(accrual, Transfer.postPending(id("p1"), accrual, usd("25.00"), at(1)), move("m1", ACME, PAYABLE, "25.00", 2)))
                .containsExactly(OK, OK, OK);
        assertThat(balance(PAYABLE).creditsPostedMinor()).isEqualTo(2500);
    }

    @Test
    void aPendingTransferExpiresAtItsTimeoutAndCannotBePostedAfter() {
        Transfer accrual = accrual("a1", ACME, "100.00", 0).withTimeoutSeconds(3600);
        create(accrual);

        assertThat(create(Transfer.postPending(id("p1"), accrual, usd("100.00"), at(60)))).containsExactly(PENDING_TRANSFER_EXPIRED);
        assertThat(store.expirePendingTransfers(at(59))).isEmpty();
        List<PendingResolution> expired = store.expirePendingTransfers(at(120));

        assertThat(expired).containsExactly(new PendingResolution(id("a1"), TransferState.EXPIRED, null, at(60)));
        assertThat(balance(ACME)).isEqualTo(Balance.zero(ACME.id(), USD));
        assertThat(create(Transfer.voidPending(id("v1"), accrual, at(30)))).containsExactly(PENDING_TRANSFER_EXPIRED);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        List<Transfer> batch = new ArrayList<>(Collections.nCopies(LedgerBatch.TRANSFER_BATCH_SIZE_MAX + 1, move("t", EXPENSE, ACME, "1.00", 0)));

        assertThatThrownBy(() -> store.createTransfers(batch)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10000");
    }

    @Test
    void anAccountCreatedTwiceIsANoOpAndWithOtherFlagsIsRefused() {
        Account changed = new Account(ACME.id(), AccountCode.EARNINGS, USD, REBATE, "acme", Set.of());

        assertThat(store.createAccounts(List.of(ACME, changed)).stream().map(AccountResult::result))
                .containsExactly(CreateAccountResult.EXISTS, CreateAccountResult.EXISTS_WITH_DIFFERENT_FIELDS);
    }

    @Test
    void theChartDerivesIdsWithThePayeeLast() {
        assertThat(ACME.id().value()).isEqualTo("earnings:USD:rebate-2026:acme");
        assertThat(EXPENSE.id().value()).isEqualTo("incentive_expense:USD");
        assertThat(Account.earnings(USD, REBATE, "a:b").id()).isNotEqualTo(Account.earnings(USD, REBATE, "a").id());
        assertThat(Money.zero(USD)).isEqualTo(usd("0"));
    }
}
