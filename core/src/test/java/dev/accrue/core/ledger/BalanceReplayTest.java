package dev.accrue.core.ledger;

import static dev.accrue.core.ledger.LedgerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalanceReplayTest {

    @Test
    void balancesAsOfAMomentCountOnlyWhatHadHappenedByThen() {
        InMemoryLedgerStore store = LedgerFixture.store();
        // minute 0: accrue 100.00 pending; minute 10: 7.00 single-phase; minute 20: post 90.00 of the 100.00.
        Transfer accrual = accrual("a1", ACME, "100.00", 0);
        store.createTransfers(List.of(accrual, move("s1", EXPENSE, ACME, "7.00", 10),
                Transfer.postPending(id("p1"), accrual, usd("90.00"), at(20))));
        Set<AccountId> acme = Set.of(ACME.id());

        assertThat(store.balancesAsOf(acme, at(0).minusNanos(1000)).get(ACME.id())).isEqualTo(Balance.zero(ACME.id(), USD));
        assertThat(store.balancesAsOf(acme, at(0)).get(ACME.id())).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 10000, 0));
        assertThat(store.balancesAsOf(acme, at(15)).get(ACME.id())).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 10000, 700));
        assertThat(store.balancesAsOf(acme, at(20)).get(ACME.id())).isEqualTo(new Balance(ACME.id(), USD, 0, 0, 0, 9700));
        assertThat(store.balancesAsOf(acme, at(999)).get(ACME.id())).isEqualTo(store.balances(acme).get(ACME.id()));
    }
}
