package dev.accrue.bench.ledger;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferResult;
import dev.accrue.postgres.ledger.LedgerVerification;
import dev.accrue.postgres.ledger.LedgerVerifier;
import dev.accrue.postgres.ledger.PostgresLedgerStore;
import dev.accrue.postgres.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Posts a realistic stream of transfers ({@link LedgerWorkload}) in batches to the PostgreSQL ledger on
 * the embedded server as Accrue runs it ({@link Database#embedded}: fsync and synchronous commit on, in a
 * temporary folder), and reports transfers per second and batch latency; then writes the same load the
 * naive way ({@link NaiveLedger}) and reports the ratio. Options, all optional:
 * {@code --batches=1000 --warmup-batches=100 --batch-size=1000 --payees=2500 --programs=4 --writers=1
 * --naive-transfers=20000 --rate=0} (transfers a second offered; 0: as fast as the writers go).
 *
 * <p>Besides throughput and latency percentiles it prints what a shared machine makes necessary to read
 * them: the load average before the run, the CPU time per batch of this JVM and of the PostgreSQL
 * processes (from {@code /proc}), and the checkpoints and autovacuum runs that happened during it.
 */
public final class LedgerBenchmark {
    /** Issue 4, item 7: at least this many transfers a second, with the p99 batch latency under {@link #TARGET_P99_MILLIS}. */
    static final int TARGET_PER_SECOND = 25_000;
    static final int TARGET_P99_MILLIS = 30;

    private static final String USAGE = """
            java [-Xms2g -Xmn1g] -cp bench/target/benchmarks.jar dev.accrue.bench.ledger.LedgerBenchmark [--name=value ...]
              --batches=1000         measured batches per writer
              --warmup-batches=100   batches per writer before the measurement
              --batch-size=1000      transfers per batch
              --writers=1            writers side by side, each on its own share of the payees
              --payees=2500          payees (each with an earnings account per program)
              --programs=4           programs
              --rate=0               transfers/s offered in all on a fixed schedule, latency from when a batch
                                     was due; 0: as fast as the writers go
              --naive-transfers=20000  transfers written the naive way afterwards, for the ratio
            The proposed run (docs/benchmarks.md, section 4):
              java -Xms2g -Xmn1g -cp bench/target/benchmarks.jar dev.accrue.bench.ledger.LedgerBenchmark \\
                --writers=2 --batch-size=250 --batches=2000 --warmup-batches=200""";

    private LedgerBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options = options(args);
        int batches = Integer.parseInt(options.getOrDefault("batches", "1000"));
        int warmupBatches = Integer.parseInt(options.getOrDefault("warmup-batches", "100"));
        int batchSize = Integer.parseInt(options.getOrDefault("batch-size", "1000"));
        int payees = Integer.parseInt(options.getOrDefault("payees", "2500"));
        int programs = Integer.parseInt(options.getOrDefault("programs", "4"));
        int writers = Integer.parseInt(options.getOrDefault("writers", "1"));
        int naiveTransfers = Integer.parseInt(options.getOrDefault("naive-transfers", "20000"));
        // Transfers a second offered in all, 0 for as fast as the writers go. Each writer then starts its
        // batches on a fixed schedule, and a batch's latency counts from when it was due, so a writer that
        // falls behind counts the delay too (no coordinated omission).
        int rate = Integer.parseInt(options.getOrDefault("rate", "0"));
        long intervalNanos = rate == 0 ? 0 : Math.round(1e9 * batchSize * writers / rate);

        Path dataDirectory = Files.createTempDirectory("accrue-ledger-bench");
        try (Database database = Database.embedded(dataDirectory)) {
            DataSource dataSource = database.dataSource();
            PostgresLedgerStore store = new PostgresLedgerStore(dataSource);
            List<LedgerWorkload> workloads = new ArrayList<>();
            // Each writer posts for its own share of the payees; all share the company's accounts.
            for (int w = 0; w < writers; w++) {
                workloads.add(new LedgerWorkload(2026 + w, "w" + w + "-", payees * w / writers, payees * (w + 1) / writers, programs));
            }
            Set<Account> distinct = new LinkedHashSet<>();
            workloads.forEach(workload -> distinct.addAll(workload.accounts()));
            List<Account> accounts = List.copyOf(distinct);
            for (int from = 0; from < accounts.size(); from += 10_000) {
                store.createAccounts(accounts.subList(from, Math.min(accounts.size(), from + 10_000)));
            }
            System.out.printf("ledger benchmark: %d accounts, batches of %d, %d writer(s) (each on its own payees, sharing the company's accounts), %s, %s (fsync and synchronous_commit on), %d cores, JDK %s%n",
                    accounts.size(), batchSize, writers,
                    rate == 0 ? "as fast as they go" : String.format("offered %,d transfers/s (a batch per writer every %.1f ms, latency from when it was due)", rate, intervalNanos / 1e6), database.description(), Runtime.getRuntime().availableProcessors(),
                    Runtime.version());

            run(store, workloads, warmupBatches, batchSize, System.nanoTime(), intervalNanos);
            RunStats before = RunStats.take(dataSource, dataDirectory);
            long startedMillis = System.currentTimeMillis();
            long started = System.nanoTime();
            long[][] measured = run(store, workloads, batches, batchSize, started, intervalNanos);
            long[] latencies = measured[0];
            double seconds = (System.nanoTime() - started) / 1e9;
            String slow = slowBatches(latencies, measured[1], seconds, lastCheckpointMillis(dataSource), startedMillis);
            RunStats after = RunStats.take(dataSource, dataDirectory);
            long transfers = (long) batches * batchSize * writers;
            double perSecond = transfers / seconds;
            Arrays.sort(latencies);
            System.out.printf("batched:  %,d transfers in %.2f s = %,.0f transfers/s; batch latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                    transfers, seconds, perSecond, millis(percentile(latencies, 50)), millis(percentile(latencies, 90)),
                    millis(percentile(latencies, 99)), millis(percentile(latencies, 99.9)), millis(latencies[latencies.length - 1]));
            System.out.println("during:   " + after.since(before, (long) batches * writers));
            System.out.println("slow:     " + slow);
            double p99Millis = millis(percentile(latencies, 99));
            System.out.printf("target:   >= %,d transfers/s %s, p99 batch latency < %d ms %s (%d writer(s), batches of %d)%n",
                    TARGET_PER_SECOND, perSecond >= TARGET_PER_SECOND ? "met" : "NOT met", TARGET_P99_MILLIS,
                    p99Millis < TARGET_P99_MILLIS ? "met" : "NOT met", writers, batchSize);

            long verifyStarted = System.nanoTime();
            LedgerVerification verification = new LedgerVerifier(dataSource).verify();
            System.out.printf("verify:   %s (%.1f s)%n", verification.summary(), (System.nanoTime() - verifyStarted) / 1e9);

            NaiveLedger naive = new NaiveLedger(dataSource);
            LedgerWorkload naiveLoad = new LedgerWorkload(7, "naive-", payees, programs);
            naive.create(naiveLoad.accounts());
            List<Transfer> load = new ArrayList<>();
            while (load.size() < naiveTransfers) load.addAll(naiveLoad.nextBatch(batchSize));
            double naiveSeconds = naive.write(load) / 1e9;
            double naivePerSecond = load.size() / naiveSeconds;
            System.out.printf("naive:    %,d transfers in %.2f s = %,.0f transfers/s (one INSERT + one UPDATE per transfer, autocommit)%n",
                    load.size(), naiveSeconds, naivePerSecond);
            System.out.printf("ratio:    batched is %.1f× the naive throughput%n", perSecond / naivePerSecond);
            if (!verification.isSound()) {
                verification.differences().forEach(System.out::println);
                System.exit(1);
            }
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }

    /**
     * Runs {@code batches} batches per writer, the writers side by side; returns every batch's latency and
     * when it ended (nanoseconds after {@code runStarted}), index by index. With an interval, each writer
     * starts batch {@code b} when it is due ({@code runStarted + b × interval}, the writers spread across
     * the interval) and its latency counts from then.
     */
    private static long[][] run(PostgresLedgerStore store, List<LedgerWorkload> workloads, int batches, int batchSize, long runStarted,
                                long intervalNanos) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(workloads.size());
        try {
            List<Future<long[][]>> futures = new ArrayList<>();
            for (int w = 0; w < workloads.size(); w++) {
                LedgerWorkload workload = workloads.get(w);
                long offset = intervalNanos * w / workloads.size();
                futures.add(executor.submit(() -> {
                    long[] latencies = new long[batches];
                    long[] endedAt = new long[batches];
                    for (int b = 0; b < batches; b++) {
                        List<Transfer> batch = workload.nextBatch(batchSize);
                        long started = System.nanoTime();
                        if (intervalNanos > 0) {
                            long due = runStarted + offset + b * intervalNanos;
                            while (System.nanoTime() < due) LockSupport.parkNanos(due - System.nanoTime());
                            started = due;
                        }
                        List<TransferResult> results = store.createTransfers(batch);
                        long ended = System.nanoTime();
                        latencies[b] = ended - started;
                        endedAt[b] = ended - runStarted;
                        for (TransferResult result : results) {
                            if (!result.isSuccess()) throw new IllegalStateException("transfer refused: " + result);
                        }
                    }
                    return new long[][] {latencies, endedAt};
                }));
            }
            long[][] all = {new long[0], new long[0]};
            for (Future<long[][]> future : futures) {
                long[][] writer = future.get();
                int offset = all[0].length;
                for (int i = 0; i < 2; i++) {
                    all[i] = Arrays.copyOf(all[i], offset + writer[i].length);
                    System.arraycopy(writer[i], 0, all[i], offset, writer[i].length);
                }
            }
            return all;
        } finally {
            executor.shutdown();
        }
    }

    /**
     * Where the batches over the p99 target fell: how many, how many in each tenth of the run, and when
     * the last checkpoint started if it was during the run — to tell a checkpoint, a collection or other
     * processes apart on a quiet machine (add -Xlog:gc for the collections).
     */
    private static String slowBatches(long[] latencies, long[] endedAt, double seconds, long checkpointMillis, long startedMillis) {
        long limit = TARGET_P99_MILLIS * 1_000_000L;
        int[] tenths = new int[10];
        int slow = 0;
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] <= limit) continue;
            slow++;
            tenths[(int) Math.min(9, endedAt[i] / 1e9 / seconds * 10)]++;
        }
        double checkpointAt = (checkpointMillis - startedMillis) / 1e3;
        String checkpoint = checkpointAt >= 0 && checkpointAt <= seconds
                ? String.format("; the last checkpoint started %.1f s into the run", checkpointAt) : "";
        return String.format("%,d of %,d batches over %d ms (%.2f %%); by tenth of the run (%.1f s each): %s%s",
                slow, latencies.length, TARGET_P99_MILLIS, 100.0 * slow / latencies.length, seconds / 10, Arrays.toString(tenths), checkpoint);
    }

    /** When the last checkpoint started, in epoch milliseconds (the control file's checkpoint time, to the second). */
    private static long lastCheckpointMillis(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT (extract(epoch FROM checkpoint_time) * 1000)::bigint FROM pg_control_checkpoint()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) throw new IllegalArgumentException("options are --name=value, got " + arg);
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
