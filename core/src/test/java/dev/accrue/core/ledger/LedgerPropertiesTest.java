package dev.accrue.core.ledger;

import static dev.accrue.core.ledger.LedgerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random batches of every kind of transfer, drawn from a fixed seed, keep the ledger's invariants. */
class LedgerPropertiesTest {
    private static final List<Account> USD_ACCOUNTS = List.of(EXPENSE, PAYABLE, PAID, ACME, BETA);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void randomBatchesKeepDebitsEqualCreditsConstraintsAndTheReplay(long seed) {
        Random random = new Random(seed);
        InMemoryLedgerStore store = LedgerFixture.store();
        List<Transfer> pendings = new ArrayList<>();
        List<Transfer> created = new ArrayList<>();
        int next = 0;
        for (int batchIndex = 0; batchIndex < 40; batchIndex++) {
            List<Transfer> batch = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                batch.add(randomTransfer(random, "t" + next++, pendings, batchIndex));
            }
            List<TransferResult> results = store.createTransfers(batch);
            for (int i = 0; i < batch.size(); i++) {
                if (results.get(i).result() == CreateTransferResult.OK) {
                    created.add(batch.get(i));
                    if (batch.get(i).kind() == TransferKind.PENDING) pendings.add(batch.get(i));
                }
            }
        }
        Map<AccountId, Balance> balances = store.balances(USD_ACCOUNTS.stream().map(Account::id).toList());
        String context = "seed " + seed;
        long debitsPosted = 0, creditsPosted = 0, debitsPending = 0, creditsPending = 0;
        for (Account account : USD_ACCOUNTS) {
            Balance balance = balances.get(account.id());
            for (AccountFlag flag : account.flags()) assertThat(balance.satisfies(flag)).as(context + " " + balance).isTrue();
            debitsPosted += balance.debitsPostedMinor();
            creditsPosted += balance.creditsPostedMinor();
            debitsPending += balance.debitsPendingMinor();
            creditsPending += balance.creditsPendingMinor();
        }
        assertThat(debitsPosted).as(context).isEqualTo(creditsPosted);
        assertThat(debitsPending).as(context).isEqualTo(creditsPending);
        Map<AccountId, Unit> units = USD_ACCOUNTS.stream().collect(Collectors.toMap(Account::id, Account::unit));
        Map<TransferId, PendingResolution> resolutions = new HashMap<>();
        store.lookupTransfers(pendings.stream().map(Transfer::id).toList()).values().forEach(stored -> {
            if (stored.state() != TransferState.PENDING) {
                Transfer by = created.stream().filter(t -> stored.id().equals(t.pendingId())).findFirst().orElseThrow();
                resolutions.put(stored.id(), new PendingResolution(stored.id(), stored.state(), by.id(), by.timestamp()));
            }
        });
        assertThat(BalanceReplay.asOf(units, created, resolutions, Instant.MAX)).as(context).isEqualTo(balances);
    }

    private static Transfer randomTransfer(Random random, String id, List<Transfer> pendings, int minute) {
        Money amount = new Money(1 + random.nextInt(10_000), USD);
        Account[] pairs = random.nextBoolean()
                ? new Account[] {EXPENSE, random.nextBoolean() ? ACME : BETA}
                : new Account[] {random.nextBoolean() ? ACME : BETA, PAYABLE};
        Transfer transfer = switch (random.nextInt(6)) {
            case 0, 1 -> Transfer.pending(new TransferId(id), EXPENSE.id(), (random.nextBoolean() ? ACME : BETA).id(), amount, TransferCode.ACCRUAL, at(minute));
            case 2 -> Transfer.singlePhase(new TransferId(id), pairs[0].id(), pairs[1].id(), amount, TransferCode.ADJUSTMENT, at(minute));
            case 3 -> Transfer.singlePhase(new TransferId(id), PAYABLE.id(), PAID.id(), amount, TransferCode.PAYOUT, at(minute));
            default -> {
                if (pendings.isEmpty()) yield Transfer.singlePhase(new TransferId(id), EXPENSE.id(), ACME.id(), amount, TransferCode.ADJUSTMENT, at(minute));
                Transfer pending = pendings.get(random.nextInt(pendings.size()));
                yield random.nextBoolean()
                        ? Transfer.postPending(new TransferId(id), pending, new Money(1 + random.nextInt((int) pending.amount().amountMinor()), USD), at(minute))
                        : Transfer.voidPending(new TransferId(id), pending, at(minute));
            }
        };
        return random.nextInt(5) == 0 ? transfer.withLinked(true) : transfer;
    }
}
