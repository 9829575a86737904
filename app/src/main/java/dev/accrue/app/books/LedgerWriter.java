package dev.accrue.app.books;

import dev.accrue.app.simulate.ExplanationJson;
import dev.accrue.core.books.Adjustment;
import dev.accrue.core.books.LineKey;
import dev.accrue.core.books.LiveEarnings;
import dev.accrue.core.books.Plan;
import dev.accrue.core.engine.Earning;
import dev.accrue.core.engine.EarningLine;
import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountId;
import dev.accrue.core.ledger.CreateTransferResult;
import dev.accrue.core.ledger.LedgerBatch;
import dev.accrue.core.ledger.LedgerStore;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferResult;
import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;
import dev.accrue.postgres.books.BooksRepository;
import dev.accrue.postgres.books.EarningRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the books' plans: registers their lines, opens the accounts they need (once), writes the
 * transfers in batches that never split a linked chain, and records closes and adjustments with their
 * explanations. A transfer the ledger refuses stops the booking with the reason: the books stay as they
 * were for it, and the next replay plans it again.
 */
final class LedgerWriter implements LiveEarnings.Writer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LedgerWriter.class);

    private final LedgerStore ledger;
    private final BooksRepository repository;
    private final Clock clock;
    private final Set<AccountId> opened = new HashSet<>();
    private final Set<String> registered = new HashSet<>();

    LedgerWriter(LedgerStore ledger, BooksRepository repository, Clock clock) {
        this.ledger = ledger;
        this.repository = repository;
        this.clock = clock;
    }

    /** Time spent writing and transfers written so far: what the booker's debug log reports per round. */
    long writeNanos;
    long transfersWritten;

    @Override
    public void write(Plan plan) {
        long started = System.nanoTime();
        transfersWritten += plan.transfers().size();
        register(plan.lines().stream().map(line -> line.key()).toList());
        List<Account> newAccounts = plan.accounts().stream().filter(account -> !opened.contains(account.id())).toList();
        for (int from = 0; from < newAccounts.size(); from += LedgerBatch.ACCOUNT_BATCH_SIZE_MAX) {
            ledger.createAccounts(newAccounts.subList(from, Math.min(newAccounts.size(), from + LedgerBatch.ACCOUNT_BATCH_SIZE_MAX)));
        }
        newAccounts.forEach(account -> opened.add(account.id()));
        List<Transfer> transfers = plan.transfers();
        int from = 0;
        while (from < transfers.size()) {
            int to = Math.min(transfers.size(), from + LedgerBatch.TRANSFER_BATCH_SIZE_MAX);
            while (to < transfers.size() && transfers.get(to - 1).linked()) to--; // never end a batch inside a chain
            for (TransferResult result : ledger.createTransfers(transfers.subList(from, to))) {
                if (result.isSuccess() || result.result() == CreateTransferResult.EXISTS) continue;
                if (result.result() == CreateTransferResult.EXCEEDS_CREDITS) {
                    // A reversal larger than what the payee still holds: the ledger keeps the payee at zero and
                    // the shortfall is not booked (docs/ledger.md, "Open"). Booking goes on for everyone else.
                    LOG.warn("not recoverable from the payee's earnings, not booked: {}", result.id());
                    continue;
                }
                throw new IllegalStateException("the ledger refused " + result.id() + ": " + result.result());
            }
            from = to;
        }
        repository.recordAdjustments(plan.adjustments().stream().map(this::adjustmentRow).toList());
        writeNanos += System.nanoTime() - started;
    }

    @Override
    public void closed(ProgramId program, PeriodId through, List<Earning> finals, Instant at) {
        List<EarningRow> rows = new ArrayList<>();
        for (Earning earning : finals) {
            for (EarningLine line : earning.lines()) {
                rows.add(new EarningRow("final", earning.program().value(), earning.programVersion(), earning.period().toString(),
                        earning.period().toString(), earning.partner(), earning.payee(), line.track(), line.rule(),
                        line.amount().unit().code(), line.amount().amountMinor(), line.why(), json(ExplanationJson.of(line.explanation())), at));
            }
        }
        repository.recordClose(program.value(), through.toString(), rows, at);
    }

    private void register(List<LineKey> keys) {
        List<BooksRepository.LineRow> rows = new ArrayList<>();
        for (LineKey key : keys) {
            String hash = key.hash();
            if (registered.add(hash)) {
                rows.add(new BooksRepository.LineRow(hash, key.program().value(), key.version(), key.period().toString(), key.partner(),
                        key.payee(), key.track(), key.rule(), key.unit().code()));
            }
        }
        repository.registerLines(rows);
    }

    private EarningRow adjustmentRow(Adjustment adjustment) {
        LineKey key = adjustment.line();
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("adjusts_period", key.period().toString());
        explanation.put("was", adjustment.wasMinor());
        explanation.put("now", adjustment.nowMinor());
        return new EarningRow("adjustment", key.program().value(), key.version(), key.period().toString(), adjustment.bookedIn().toString(),
                key.partner(), key.payee(), key.track(), key.rule(), key.unit().code(), adjustment.amount().amountMinor(),
                adjustment.why(), json(explanation), clock.instant());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an explanation is plain data and always renders", e);
        }
    }
}
