package dev.accrue.bench.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds (user + system) of processes on Linux, read from {@code /proc/PID/stat}: on a shared machine
 * CPU time per event compares two variants where wall time cannot. A PostgreSQL server counts its
 * postmaster, every live child (the backends, checkpointer, WAL writer…) and the children it has reaped.
 * Where {@code /proc} is missing (not Linux) every figure is 0.
 */
final class ProcessCpu {
    /** USER_HZ: the unit of {@code /proc/PID/stat} times (100 on every Linux this runs on). */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /** One process's CPU seconds so far (0 if it cannot be read). */
    static double seconds(long pid) {
        long[] fields = stat(pid);
        return fields == null ? 0 : (fields[1] + fields[2]) / TICKS_PER_SECOND;
    }

    /** A process and its children, live and reaped, in CPU seconds: a PostgreSQL server by its postmaster. */
    static double treeSeconds(long parent) {
        long[] own = stat(parent);
        if (own == null) return 0;
        long ticks = own[1] + own[2] + own[3] + own[4];
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long[] child = stat(Long.parseLong(process.getFileName().toString()));
                if (child != null && child[0] == parent) ticks += child[1] + child[2];
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * A process's CPU seconds per kind of thread (the thread's name with its digits dropped: {@code C2
     * CompilerThread}, {@code GC Thread#}, {@code qtp-…}), so that compiling and collecting show apart from
     * the work. Linux names a thread by at most 15 characters.
     */
    static java.util.Map<String, Double> threadSeconds(long pid) {
        java.util.Map<String, Double> seconds = new java.util.TreeMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                String text;
                try {
                    text = Files.readString(thread.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                long[] fields = stat(Long.parseLong(thread.getFileName().toString()), text);
                seconds.merge(name, (fields[1] + fields[2]) / TICKS_PER_SECOND, Double::sum);
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Map.of();
        }
        return seconds;
    }

    /** {ppid, utime, stime, cutime, cstime} of a process, or null when it is gone or unreadable. */
    private static long[] stat(long pid) {
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return stat(pid, text);
    }

    private static long[] stat(long pid, String text) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
        return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                Long.parseLong(fields[13]), Long.parseLong(fields[14])};
    }
}
