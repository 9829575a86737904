package dev.accrue.app.books;

import dev.accrue.app.simulate.ExplanationJson;
import dev.accrue.core.books.BookedLine;
import dev.accrue.core.books.Bookkeeper;
import dev.accrue.core.books.LineKey;
import dev.accrue.core.books.LiveEarnings;
import dev.accrue.core.engine.Earning;
import dev.accrue.core.engine.EarningLine;
import dev.accrue.core.engine.ProgramVersion;
import dev.accrue.core.event.Event;
import dev.accrue.core.ledger.LedgerStore;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import dev.accrue.core.partner.Partner;
import dev.accrue.core.program.ParseResult;
import dev.accrue.core.program.Program;
import dev.accrue.core.program.ProgramId;
import dev.accrue.core.program.ProgramParser;
import dev.accrue.core.time.PeriodId;
import dev.accrue.http.port.Books;
import dev.accrue.http.port.EventStore;
import dev.accrue.postgres.books.BooksRepository;
import dev.accrue.postgres.books.EarningRow;
import dev.accrue.postgres.books.LedgerLine;
import dev.accrue.postgres.partners.PartnerRepository;
import dev.accrue.postgres.programs.ProgramRepository;
import dev.accrue.postgres.programs.StoredProgramVersion;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live books on PostgreSQL: one booker thread drives {@link LiveEarnings}. Stored events are queued
 * and booked in rounds (a round takes everything queued, so a burst costs one re-accrual per line); closes,
 * the close scheduler and reads of provisional earnings run on the same thread, so the engine is never
 * shared. On start the books replay every stored event and bring the ledger to them, so events acknowledged
 * before a crash are booked after it, once.
 */
public final class LiveBooks implements Books, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBooks.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A round takes at most this many events, so a huge backlog still books in steps. */
    static final int ROUND_EVENTS_MAX = 200_000;
    /**
     * Under load (the last round took at least {@link #ROUND_EVENTS_PACED} events), a round starts at most
     * every this many milliseconds, so that more events share one re-accrual of the lines they touch; a
     * sale after a quiet spell is booked at once. Well inside "a partner sees a sale's earning within a second".
     */
    static final long ROUND_INTERVAL_UNDER_LOAD_MILLIS = 200;
    static final int ROUND_EVENTS_PACED = 1_000;

    private final EventStore events;
    private final LedgerStore ledger;
    private final BooksRepository repository;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final Clock clock;
    private final Duration closeGrace;
    private final ScheduledExecutorService booker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "accrue-booker");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean roundScheduled = new AtomicBoolean();
    /** When the last round started ({@link System#nanoTime}) and how many events it took: the pace of the next. */
    private volatile long lastRoundStartedNanos;
    private volatile int lastRoundEvents;
    private final AtomicLong booked = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    /** Events of a round that failed: booked by the replay that retries it. */
    private final AtomicLong unbooked = new AtomicLong();
    private volatile String lastError;

    private LiveEarnings live;
    private LedgerWriter writer;
    private List<ProgramVersion> versions = List.of();
    private Map<String, Partner> partnerMap = Map.of();
    private String fingerprint;

    public LiveBooks(EventStore events, LedgerStore ledger, BooksRepository repository, ProgramRepository programs,
                     PartnerRepository partners, Clock clock, Duration closeGrace) {
        this.events = events;
        this.ledger = ledger;
        this.repository = repository;
        this.programs = programs;
        this.partners = partners;
        this.clock = clock;
        this.closeGrace = closeGrace;
    }

    /** Replays the stored events and books them (waits until done), then starts the close scheduler. */
    public LiveBooks start(Duration scheduleEvery) {
        onBooker(() -> {
            rebuild();
            return null;
        });
        booker.scheduleWithFixedDelay(this::closeDue, scheduleEvery.toMillis(), scheduleEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void added(List<Event> stored) {
        if (stored.isEmpty()) return;
        queue.addAll(stored);
        received.addAndGet(stored.size());
        if (roundScheduled.compareAndSet(false, true)) scheduleRound();
    }

    private void scheduleRound() {
        long waitNanos = lastRoundEvents < ROUND_EVENTS_PACED ? 0
                : lastRoundStartedNanos + TimeUnit.MILLISECONDS.toNanos(ROUND_INTERVAL_UNDER_LOAD_MILLIS) - System.nanoTime();
        if (waitNanos <= 0) booker.execute(this::round);
        else booker.schedule(this::round, waitNanos, TimeUnit.NANOSECONDS);
    }

    /** How many events were handed to the books and how many of them are booked: the lag is the difference. */
    @Override
    public Status status() {
        LiveEarnings current = live;
        return new Status(received.get(), booked.get(), current == null ? 0 : current.replays(), lastError);
    }

    private void round() {
        roundScheduled.set(false);
        List<Event> batch = new ArrayList<>();
        for (Event event; batch.size() < ROUND_EVENTS_MAX && (event = queue.poll()) != null; ) batch.add(event);
        if (batch.isEmpty()) return;
        lastRoundStartedNanos = System.nanoTime();
        lastRoundEvents = batch.size();
        try {
            String inputs = repository.inputsFingerprint();
            if (!inputs.equals(fingerprint)) {
                LOG.debug("round: programs or partners changed ({} → {}): replaying every stored event", fingerprint, inputs);
                rebuild(); // programs or partners changed: replay everything stored, this batch included
                booked.addAndGet(batch.size());
            } else {
                long started = System.nanoTime();
                long writing = writer.writeNanos;
                long transfers = writer.transfersWritten;
                long replays = live.replays();
                live.accept(batch, clock.instant());
                booked.addAndGet(batch.size());
                if (LOG.isDebugEnabled()) {
                    LOG.debug("round: {} events in {} ms, of which {} ms writing {} transfers{}", batch.size(),
                            (System.nanoTime() - started) / 1_000_000, (writer.writeNanos - writing) / 1_000_000,
                            writer.transfersWritten - transfers,
                            live.replays() > replays ? "; replayed every stored event (a late event, or a held partner now known)" : "");
                }
            }
            lastError = null;
        } catch (RuntimeException e) {
            // The events are stored: the next replay books them. Rebuild at once so nothing waits for a restart.
            lastError = e.getMessage();
            LOG.error("booking failed; replaying the stored events", e);
            fingerprint = null;
            unbooked.addAndGet(batch.size());
            booker.schedule(this::retry, 1, TimeUnit.SECONDS);
        }
        if (!queue.isEmpty() && roundScheduled.compareAndSet(false, true)) scheduleRound();
    }

    private void retry() {
        try {
            rebuild();
            booked.addAndGet(unbooked.getAndSet(0)); // the replay read them
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.error("booking failed again; retrying in 10 s", e);
            booker.schedule(this::retry, 10, TimeUnit.SECONDS);
        }
    }

    /** Loads programs, partners, closes and what the ledger holds, then replays every stored event. */
    private void rebuild() {
        fingerprint = repository.inputsFingerprint();
        versions = loadPrograms();
        partnerMap = loadPartners();
        Map<ProgramId, PeriodId> closed = new HashMap<>();
        for (String[] close : repository.closes()) {
            PeriodId through = PeriodId.parse(close[1]);
            closed.merge(new ProgramId(close[0]), through, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        List<BookedLine> lines = new ArrayList<>();
        for (LedgerLine line : repository.ledgerLines()) {
            LineKey key = new LineKey(new ProgramId(line.program()), line.version(), PeriodId.parse(line.period()), line.partner(),
                    line.payee(), line.track(), line.rule(), Unit.of(line.unit()));
            PeriodId through = closed.get(key.program());
            boolean closedLine = line.closeBooked() || (through != null && key.period().compareTo(through) <= 0 && line.pendingMinor() == 0
                    && line.pendingSeq() == 0 && line.postedMinor() != 0);
            lines.add(new BookedLine(key, line.pendingSeq(), line.pendingMinor(), closedLine, line.postedMinor(), line.adjustments()));
        }
        Map<String, Partner> lookup = partnerMap;
        writer = new LedgerWriter(ledger, repository, clock);
        live = new LiveEarnings(versions, lookup::get, closed, new Bookkeeper(lines), events::forEachInOrder, writer);
        live.start(clock.instant());
        // Queued events the replay already read are repeats to the engine, which skips them by id; they
        // count as booked when their round takes them.
    }

    private List<ProgramVersion> loadPrograms() {
        List<ProgramVersion> loaded = new ArrayList<>();
        for (StoredProgramVersion latest : programs.latestOfEach(10_000)) {
            for (StoredProgramVersion version : programs.versions(latest.programId(), 10_000)) {
                ParseResult parsed = ProgramParser.parse(version.sourceText(), version.programId() + " v" + version.version());
                if (parsed.program() != null) loaded.add(new ProgramVersion(parsed.program(), version.version()));
            }
        }
        return loaded;
    }

    private Map<String, Partner> loadPartners() {
        Map<String, Partner> loaded = new HashMap<>();
        String after = null;
        while (true) {
            List<Partner> page = partners.page(after, 1_000, null);
            page.forEach(partner -> loaded.put(partner.id(), partner));
            if (page.size() < 1_000) return loaded;
            after = page.get(page.size() - 1).id();
        }
    }

    /** Closes every period whose end plus the grace has passed (in the program's time zone); picks up new partners and programs. */
    private void closeDue() {
        try {
            // A partner or program added since the last round: replay now, so held events count without waiting for the next event.
            if (!repository.inputsFingerprint().equals(fingerprint)) rebuild();
            Instant now = clock.instant();
            for (ProgramVersion version : latestVersions()) {
                Program program = version.program();
                PeriodId through = live.closedThrough(program.id());
                PeriodId candidate = through == null ? program.calendar().periodOf(program.effective().from())
                        : through.next();
                PeriodId due = null;
                while (!program.calendar().endExclusive(candidate).plus(closeGrace).isAfter(now)) {
                    due = candidate;
                    candidate = candidate.next();
                }
                if (due != null) {
                    LOG.info("closing {} through {} (ended, grace {} passed)", program.id(), due, closeGrace);
                    live.close(program.id(), due, now);
                }
            }
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.error("scheduled close failed", e);
        }
    }

    private List<ProgramVersion> latestVersions() {
        Map<ProgramId, ProgramVersion> latest = new LinkedHashMap<>();
        for (ProgramVersion version : versions) latest.merge(version.program().id(), version, (a, b) -> a.version() >= b.version() ? a : b);
        return List.copyOf(latest.values());
    }

    @Override
    public CloseOutcome close(String programId, String period) {
        return onBooker(() -> {
            ProgramVersion version = latestVersions().stream().filter(v -> v.program().id().value().equals(programId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no program '" + programId + "'"));
            Program program = version.program();
            PeriodId through;
            try {
                through = PeriodId.parse(period);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + period + "' is not a period: e.g. 2026-Q1, 2026-03 or 2026");
            }
            if (through.kind() != program.calendar().periodKind()) {
                throw new IllegalArgumentException(programId + " has " + program.calendar().periodKind().toString().toLowerCase(java.util.Locale.ROOT)
                        + " periods; '" + period + "' is not one");
            }
            Instant end = program.calendar().endExclusive(through);
            if (end.isAfter(clock.instant())) {
                throw new IllegalStateException(period + " of " + programId + " ends at " + end + "; it can be closed after that");
            }
            boolean closedNow = live.close(program.id(), through, clock.instant());
            Map<String, Money> totals = new LinkedHashMap<>();
            int lines = 0;
            for (EarningRow row : repository.earningLines(null, programId, through.toString())) {
                if (!row.kind().equals("final")) continue;
                lines++;
                totals.merge(row.unit(), new Money(row.amountMinor(), Unit.of(row.unit())), Money::plus);
            }
            return new CloseOutcome(programId, through.toString(), !closedNow, lines, totals);
        });
    }

    @Override
    public List<EarningLineView> earnings(String payee, String programId, String period) {
        // Both reads on the booker thread, where closes run: a close between them would show a line in neither.
        return onBooker(() -> {
            List<EarningLineView> views = new ArrayList<>();
            for (EarningRow row : repository.earningLines(payee, programId, period)) views.add(view(row));
            if (live.engine() == null) return views;
            for (Earning earning : live.engine().openEarnings()) {
                if (payee != null && !earning.payee().equals(payee)) continue;
                if (programId != null && !earning.program().value().equals(programId)) continue;
                if (period != null && !earning.period().toString().equals(period)) continue;
                for (EarningLine line : earning.lines()) {
                    views.add(new EarningLineView(earning.program().value(), earning.programVersion(), earning.period().toString(),
                            earning.period().toString(), earning.partner(), earning.payee(), line.track(), line.rule(), line.amount(),
                            "provisional", line.why(), ExplanationJson.of(line.explanation())));
                }
            }
            return views;
        });
    }

    @Override
    public List<EarningLineView> statement(String payee, String period) {
        return repository.earningLines(payee, null, period).stream().map(LiveBooks::view).toList();
    }

    @Override
    public List<BalanceView> balances(String payee) {
        record Account(String program, String unit) {}
        List<BalanceView> views = new ArrayList<>();
        sum(repository.liability(null, payee, null), row -> new Account(row.program(), row.unit())).forEach((account, figures) -> {
            Unit unit = Unit.of(account.unit());
            views.add(new BalanceView(account.program(), account.unit(), new Money(figures[0], unit), new Money(figures[1], unit),
                    Money.zero(unit)));
        });
        return views;
    }

    @Override
    public List<LiabilityView> liability(String programId, String period) {
        record Group(String program, String period, String unit) {}
        List<LiabilityView> views = new ArrayList<>();
        sum(repository.liability(programId, null, period), row -> new Group(row.program(), row.period(), row.unit())).forEach((group, figures) -> {
            Unit unit = Unit.of(group.unit());
            views.add(new LiabilityView(group.program(), group.period(), group.unit(), new Money(figures[0], unit), new Money(figures[1], unit)));
        });
        return views;
    }

    /** Pending and posted minor units summed per key, in the rows' order. */
    private static <K> Map<K, long[]> sum(List<BooksRepository.LiabilityRow> rows, java.util.function.Function<BooksRepository.LiabilityRow, K> key) {
        Map<K, long[]> sums = new LinkedHashMap<>();
        for (BooksRepository.LiabilityRow row : rows) {
            long[] figures = sums.computeIfAbsent(key.apply(row), k -> new long[2]);
            figures[0] += row.pendingMinor();
            figures[1] += row.postedMinor();
        }
        return sums;
    }

    private static EarningLineView view(EarningRow row) {
        Map<String, Object> explanation;
        try {
            explanation = JSON.readValue(row.explanationJson(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored explanation is JSON", e);
        }
        return new EarningLineView(row.program(), row.version(), row.period(), row.bookedIn(), row.partner(), row.payee(), row.track(),
                row.rule(), new Money(row.amountMinor(), Unit.of(row.unit())), row.kind(), row.why(), explanation);
    }

    /** Runs on the booker thread and waits: the engine is only ever touched there. */
    private <T> T onBooker(Callable<T> work) {
        try {
            return booker.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the books", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        booker.shutdownNow();
    }
}
