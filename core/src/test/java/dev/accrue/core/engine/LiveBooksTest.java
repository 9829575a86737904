package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.core.books.Bookkeeper;
import dev.accrue.core.books.LiveEarnings;
import dev.accrue.core.books.Plan;
import dev.accrue.core.event.Event;
import dev.accrue.core.ledger.AccountId;
import dev.accrue.core.ledger.Balance;
import dev.accrue.core.ledger.InMemoryLedgerStore;
import dev.accrue.core.ledger.TransferCode;
import dev.accrue.core.ledger.TransferResult;
import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live books against the simulator: events arrive out of order, in batches, periods close while
 * events still come, some events arrive after their period closed. Whatever the arrival, the ledger ends
 * with exactly what a simulation of the same set of events gives: posted = final earnings of the closed
 * periods (with adjustments), pending = provisional earnings of the open ones.
 */
class LiveBooksTest {
    private static final String[] FAMILIES = {"pumps", "valves", "seals", "motors"};
    private static final ProgramId GROWTH = new ProgramId("distributor-growth-2026");
    private static final ProgramId DEALER = new ProgramId("dealer-sell-through-2026");
    private static final Unit USD = Unit.of("USD");

    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    private final List<Event> stored = new ArrayList<>();
    private final List<String> closes = new ArrayList<>();
    private int adjustments;

    private LiveEarnings books(EngineFixture fixture) {
        LiveEarnings.Writer writer = new LiveEarnings.Writer() {
            @Override
            public void write(Plan plan) {
                ledger.createAccounts(plan.accounts());
                for (TransferResult result : ledger.createTransfers(plan.transfers())) {
                    assertThat(result.isSuccess()).as("%s", result).isTrue();
                }
                adjustments += plan.adjustments().size();
            }

            @Override
            public void closed(ProgramId program, PeriodId through, List<Earning> finals, Instant at) {
                closes.add(program + "@" + through);
            }
        };
        LiveEarnings.EventSource source = sink -> stored.stream().sorted(Event::chronological).forEach(sink);
        return new LiveEarnings(fixture.programs(), fixture.lookup(), Map.of(), new Bookkeeper(List.of()), source, writer);
    }

    private static EngineFixture activity(long seed) throws Exception {
        Random random = new Random(seed);
        EngineFixture fixture = new EngineFixture()
                .program(Files.readString(Path.of("../examples/programs/distributor-growth-rebate.yaml")))
                .program(Files.readString(Path.of("../examples/programs/dealer-volume-incremental.yaml")));
        for (int p = 0; p < 4; p++) {
            fixture.partner("p" + p, p % 2 == 0 ? "distributor" : "dealer",
                    Map.of("map_compliant", random.nextInt(4) != 0, "payment_terms_days", 30L));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String at = Instant.parse("2025-12-01T00:00:00Z").plusSeconds(random.nextInt(200 * 86_400)).toString();
            String partner = "p" + random.nextInt(4);
            if (!lines.isEmpty() && random.nextInt(6) == 0) {
                fixture.event("r" + i, "return", at, partner, "original_line_id", lines.get(random.nextInt(lines.size())),
                        "net_amount", random.nextInt(5000) + ".25", "quantity", 1);
            } else {
                fixture.sale("s" + i, at, partner, FAMILIES[random.nextInt(FAMILIES.length)],
                        (random.nextInt(90_000) + 1) + "." + random.nextInt(10) + "7", "quantity", random.nextInt(20) + 1);
                lines.add("L-s" + i);
            }
        }
        return fixture;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void whateverTheArrivalTheLedgerEndsWithWhatTheSimulationGives(long seed) throws Exception {
        EngineFixture fixture = activity(seed);
        Random random = new Random(seed * 17);
        // Arrival: roughly in time order with up to three days of jitter; one event in twelve held back to the very end.
        List<Event> onTime = new ArrayList<>();
        List<Event> late = new ArrayList<>();
        Map<Event, Instant> arrival = new HashMap<>();
        for (Event event : fixture.events) {
            if (random.nextInt(12) == 0) late.add(event);
            else onTime.add(event);
            arrival.put(event, event.occurredAt().plusSeconds(random.nextInt(3 * 86_400)));
        }
        onTime.sort(Comparator.comparing(arrival::get));
        LiveEarnings books = books(fixture);
        books.start(Instant.parse("2025-12-01T00:00:00Z"));
        TreeMap<LocalDate, Runnable> closesDue = new TreeMap<>();
        for (LocalDate month = LocalDate.parse("2025-12-01"); month.isBefore(LocalDate.parse("2026-04-01")); month = month.plusMonths(1)) {
            PeriodId monthly = PeriodId.containing(dev.accrue.core.time.PeriodKind.MONTH, month);
            closesDue.put(month.plusMonths(1).plusDays(5), () -> books.close(DEALER, monthly, Instant.now()));
        }
        closesDue.put(LocalDate.parse("2026-01-06"), () -> books.close(GROWTH, PeriodId.parse("2025-Q4"), Instant.now()));
        closesDue.put(LocalDate.parse("2026-04-06").plusDays(1), () -> books.close(GROWTH, PeriodId.parse("2026-Q1"), Instant.now()));

        for (int from = 0; from < onTime.size(); ) {
            int to = Math.min(onTime.size(), from + 1 + random.nextInt(9));
            List<Event> batch = onTime.subList(from, to);
            LocalDate now = arrival.get(batch.get(batch.size() - 1)).atZone(java.time.ZoneOffset.UTC).toLocalDate();
            while (!closesDue.isEmpty() && !closesDue.firstKey().isAfter(now)) closesDue.pollFirstEntry().getValue().run();
            stored.addAll(batch);
            books.accept(List.copyOf(batch), Instant.now());
            from = to;
        }
        closesDue.values().forEach(Runnable::run);
        stored.addAll(late);
        books.accept(late, Instant.now());
        // Closing again is a no-op.
        assertThat(books.close(GROWTH, PeriodId.parse("2026-Q1"), Instant.now())).isFalse();

        Simulation.Result expected = fixture.run("2026-03-31");
        Map<AccountId, long[]> want = new HashMap<>(); // posted, pending
        for (Earning earning : expected.earnings()) {
            AccountId account = AccountId.earnings(earning.amount().unit(), earning.program(), earning.payee());
            long[] figures = want.computeIfAbsent(account, a -> new long[2]);
            if (earning.closed()) figures[0] += earning.amount().amountMinor();
            else for (EarningLine line : earning.lines()) figures[1] += Math.max(0, line.amount().amountMinor());
        }
        Map<AccountId, Balance> balances = ledger.balances(want.keySet());
        for (Map.Entry<AccountId, long[]> entry : want.entrySet()) {
            Balance balance = balances.get(entry.getKey());
            long posted = balance == null ? 0 : balance.creditsPostedMinor() - balance.debitsPostedMinor();
            long pending = balance == null ? 0 : balance.creditsPendingMinor() - balance.debitsPendingMinor();
            assertThat(new long[] {posted, pending}).as("seed %d %s posted, pending", seed, entry.getKey()).containsExactly(entry.getValue());
        }
        assertThat(closes).as("every close recorded once").doesNotHaveDuplicates();
        if (!late.isEmpty()) assertThat(books.replays()).isGreaterThan(closes.size());
    }

    @Test
    void aLateSaleForAClosedQuarterIsAnAdjustmentInTheOpenQuarter() throws Exception {
        EngineFixture fixture = new EngineFixture()
                .program(Files.readString(Path.of("../examples/programs/distributor-growth-rebate.yaml")))
                .partner("acme", "distributor", Map.of("map_compliant", true, "payment_terms_days", 30L))
                .sale("s1", "2026-02-10T15:00:00Z", "acme", "valves", "60000.00")
                .sale("s2", "2026-04-10T15:00:00Z", "acme", "valves", "1000.00")
                .sale("s3", "2026-03-20T15:00:00Z", "acme", "valves", "50000.00");
        LiveEarnings books = books(fixture);
        books.start(Instant.parse("2026-01-01T00:00:00Z"));
        stored.addAll(fixture.events.subList(0, 2));
        books.accept(fixture.events.subList(0, 2), Instant.parse("2026-04-10T16:00:00Z"));
        books.close(GROWTH, PeriodId.parse("2026-Q1"), Instant.parse("2026-04-15T00:00:00Z"));
        AccountId acme = AccountId.earnings(USD, GROWTH, "acme");
        long postedAtClose = ledger.balances(List.of(acme)).get(acme).creditsPostedMinor();

        stored.add(fixture.events.get(2));
        books.accept(fixture.events.subList(2, 3), Instant.parse("2026-04-20T00:00:00Z"));

        assertThat(adjustments).isEqualTo(1);
        Simulation.Result all = fixture.run("2026-03-31");
        long finalQ1 = EngineFixture.earning(all, "acme", "2026-Q1").amount().amountMinor();
        Balance balance = ledger.balances(List.of(acme)).get(acme);
        assertThat(balance.creditsPostedMinor() - balance.debitsPostedMinor()).isEqualTo(finalQ1);
        assertThat(finalQ1).isGreaterThan(postedAtClose);
        var adjustment = ledger.lookupTransfers(List.of(new dev.accrue.core.ledger.TransferId("adj:"
                + dev.accrue.core.books.LineKey.of(EngineFixture.earning(all, "acme", "2026-Q1"),
                        EngineFixture.earning(all, "acme", "2026-Q1").lines().get(0)).hash() + ":1"))).values().iterator().next();
        assertThat(adjustment.transfer().code()).isEqualTo(TransferCode.TRUE_UP);
        assertThat(adjustment.transfer().userData().period()).as("booked in the open quarter").isEqualTo(PeriodId.parse("2026-Q2"));
        assertThat(adjustment.transfer().amount().amountMinor()).isEqualTo(finalQ1 - postedAtClose);
    }
}
