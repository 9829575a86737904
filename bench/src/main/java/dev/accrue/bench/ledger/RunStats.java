package dev.accrue.bench.ledger;

import dev.accrue.postgres.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * What else was happening during a measured run, for reading its figures on a shared machine: the load
 * average, the CPU time of this JVM and of the embedded PostgreSQL's processes, and how many checkpoints
 * and autovacuum or autoanalyze runs of the ledger's tables happened.
 */
record RunStats(String load, long jvmCpuNanos, long postgresCpuTicks, long checkpoints, long autovacuums, long autoanalyzes) {
    /** Clock ticks per second of {@code /proc/PID/stat} (USER_HZ, 100 on Linux). */
    private static final int TICKS_PER_SECOND = 100;

    static RunStats take(DataSource dataSource, Path dataDirectory) throws SQLException {
        long checkpoints;
        long autovacuums;
        long autoanalyzes;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT (SELECT num_timed + num_requested FROM pg_stat_checkpointer),
                            coalesce(sum(autovacuum_count), 0), coalesce(sum(autoanalyze_count), 0)
                     FROM pg_stat_user_tables WHERE relname LIKE 'ledger\\_%'""")) {
            rs.next();
            checkpoints = rs.getLong(1);
            autovacuums = rs.getLong(2);
            autoanalyzes = rs.getLong(3);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new RunStats(loadAverages(os.getSystemLoadAverage()), os.getProcessCpuTime(), postgresTicks(dataDirectory),
                checkpoints, autovacuums, autoanalyzes);
    }

    String since(RunStats before, long batches) {
        String postgres = postgresCpuTicks < 0 || before.postgresCpuTicks < 0 ? "unknown"
                : String.format("%.1f ms", (postgresCpuTicks - before.postgresCpuTicks) * 1000.0 / TICKS_PER_SECOND / batches);
        return String.format("load average (1, 5, 15 min) %s before, %s after; CPU per batch: this JVM %.1f ms, PostgreSQL %s; "
                        + "%d checkpoint(s), %d autovacuum and %d autoanalyze run(s) on ledger tables",
                before.load, load, (jvmCpuNanos - before.jvmCpuNanos) / 1e6 / batches, postgres,
                checkpoints - before.checkpoints, autovacuums - before.autovacuums, autoanalyzes - before.autoanalyzes);
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or the 1 minute one where that cannot be read. */
    private static String loadAverages(double oneMinute) {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", oneMinute);
        }
    }

    /** User and system CPU ticks of the postmaster and its children, from {@code /proc}; -1 where that cannot be read. */
    private static long postgresTicks(Path dataDirectory) {
        try {
            Path pidFile = dataDirectory.resolve(Database.CLUSTER_FOLDER).resolve("postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.toList()) {
                    String name = process.getFileName().toString();
                    if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) continue;
                    List<String> fields;
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
                    } catch (IOException gone) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    long parent = Long.parseLong(fields.get(1));
                    if (pid == postmaster || parent == postmaster) ticks += Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
