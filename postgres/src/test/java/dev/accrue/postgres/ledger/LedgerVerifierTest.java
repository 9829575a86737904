package dev.accrue.postgres.ledger;

import static dev.accrue.postgres.ledger.LedgerStoreFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.ledger.Transfer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerVerifierTest {
    private final LedgerStoreFixture ledger = new LedgerStoreFixture();

    @BeforeEach
    void bookAQuarter() {
        // acme: 100.00 accrued and posted, 30.00 made payable and paid; beta: 20.00 accrued and voided,
        // 5.00 accrued and still open.
        Transfer a1 = accrual("a1", ACME, "100.00", 0);
        Transfer b1 = accrual("b1", BETA, "20.00", 0);
        ledger.create(a1, b1, accrual("b2", BETA, "5.00", 1));
        ledger.create(Transfer.postPending(id("a1:post"), a1, usd("100.00"), at(60)), Transfer.voidPending(id("b1:void"), b1, at(60)));
        ledger.create(move("m1", ACME, PAYABLE, "30.00", 61), move("pay1", PAYABLE, PAID, "30.00", 62));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aSoundLedgerPassesWithASummary() {
        LedgerVerification verification = ledger.verifier.verify();

        assertThat(verification.differences()).isEmpty();
        assertThat(verification.summary()).isEqualTo("ledger verified: 5 accounts, 7 transfers, debits equal credits in 1 unit(s) [USD];"
                + " pending transfers: 1 open, 1 posted, 1 voided, 0 expired");
    }

    @Test
    void aBalanceAlteredBehindTheLedgersBackIsReported() throws Exception {
        // acme's posted credits are 10000 (100.00); someone sets them to 10100 directly. Posted debits in
        // USD: expense 10000 + acme 3000 + payable 3000 = 16000; posted credits: acme 10000 + payable 3000
        // + paid 3000 = 16000, now 16100.
        ledger.execute("UPDATE ledger_balances SET credits_posted_minor = 10100 WHERE account_id = '" + ACME.id() + "'");

        LedgerVerification verification = ledger.verifier.verify();

        assertThat(verification.isSound()).isFalse();
        assertThat(verification.differences()).containsExactly(
                "balance of earnings:USD:rebate-2026:acme: stored debits pending 0, posted 3000, credits pending 0, posted 10100;"
                        + " the transfers give 0, 3000, 0, 10000",
                "unit USD: stored debits pending 500 vs credits pending 500, debits posted 16000 vs credits posted 16100");
        assertThat(verification.summary()).startsWith("ledger NOT verified, 2 difference(s)");
    }

    @Test
    void aPendingBalanceReleasedWithoutAVoidIsReported() throws Exception {
        // beta's 5.00 is still pending; clearing it by hand leaves a pending transfer nothing ended.
        ledger.execute("UPDATE ledger_balances SET credits_pending_minor = 0 WHERE account_id = '" + BETA.id() + "'");
        ledger.execute("UPDATE ledger_balances SET debits_pending_minor = 0 WHERE account_id = '" + EXPENSE.id() + "'");

        assertThat(ledger.verifier.verify().differences()).containsExactly(
                "balance of earnings:USD:rebate-2026:beta: stored debits pending 0, posted 0, credits pending 0, posted 0;"
                        + " the transfers give 0, 0, 500, 0",
                "balance of incentive_expense:USD: stored debits pending 0, posted 10000, credits pending 0, posted 0;"
                        + " the transfers give 500, 10000, 0, 0");
    }

    @Test
    void aTransferWrittenBehindTheLedgersBackIsReported() throws Exception {
        // 1.00 from an account nobody opened, inserted by hand: no balance moved, so three checks fail.
        ledger.execute("""
                INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount_minor, unit, kind, timeout_seconds, linked, ts, code)
                VALUES ('forged', 'nowhere:USD', 'payable:USD', 100, 'USD', 'single_phase', 0, false, now(), 'adjustment')""");

        assertThat(ledger.verifier.verify().differences()).containsExactly(
                "balance of nowhere:USD: none stored; the transfers give 0, 100, 0, 0",
                "balance of payable:USD: stored debits pending 0, posted 3000, credits pending 0, posted 3000;"
                        + " the transfers give 0, 3000, 0, 3100",
                "transfer forged names an account that does not exist: nowhere:USD");
    }
}
