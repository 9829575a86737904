package dev.accrue.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server started by this process through zonky's {@code EmbeddedPostgres}. A durable
 * server keeps its cluster in a folder across restarts, with fsync on; a scratch server (tests) lives in
 * a temporary folder with fsync off.
 *
 * <p>As root: PostgreSQL refuses to run as root. zonky 2.2 runs initdb, pg_ctl and so the server
 * through {@code unshare -U}, in a user namespace where the process is unprivileged while every file
 * it writes stays root's outside; {@link RootUser} checks first that this machine allows that.
 */
final class EmbeddedServer implements AutoCloseable {
    static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
    static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;

    private EmbeddedServer(EmbeddedPostgres postgres, FileChannel lockChannel) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
    }

    /** A server on the cluster in {@code clusterDirectory}, created there on first use; the folder is held locked until close. */
    static EmbeddedServer durable(Path clusterDirectory) {
        if (RootUser.isRoot()) RootUser.requireUserNamespaces();
        FileChannel lock = lock(clusterDirectory);
        try {
            stopOrphan(clusterDirectory);
            EmbeddedPostgres postgres = builder()
                    .setDataDirectory(clusterDirectory.toFile())
                    .setCleanDataDirectory(false)
                    // zonky passes -F (fsync off) and synchronous_commit=off; the system of record wants both on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // A new WAL segment is created without writing 16 MB of zeroes first (the writer that
                    // needed it waited for that, about once per 100 ledger batches of 250: most of the p99,
                    // docs/bench-notes/ledger.md). Durability is the same: fdatasync at commit also makes
                    // the file's newly allocated blocks durable.
                    .setServerConfig("wal_init_zero", "off")
                    .start();
            return new EmbeddedServer(postgres, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            throw new DatabaseException("could not start the embedded PostgreSQL in " + clusterDirectory + ": " + e.getMessage()
                    + " (its log lines are printed with -Dorg.slf4j.simpleLogger.log.io.zonky=info)", e);
        }
    }

    /** A throwaway server in a temporary folder, deleted on close: fast, not durable. For tests. */
    static EmbeddedServer scratch() {
        if (RootUser.isRoot()) RootUser.requireUserNamespaces();
        try {
            return new EmbeddedServer(builder().setServerConfig("full_page_writes", "off").start(), null);
        } catch (IOException e) {
            throw new DatabaseException("could not start a scratch PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        // zonky unpacks the binaries into one shared temporary folder; one per user, so that another user's
        // folder (created with their permissions) never stands in the way.
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "accrue-pg-" + System.getProperty("user.name"));
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(STARTUP_WAIT)
                // C collation: byte order, the same on every machine.
                .setLocaleConfig("locale", "C");
    }

    String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new DatabaseException("could not stop the embedded PostgreSQL: " + e.getMessage(), e);
        } finally {
            closeQuietly(lockChannel);
        }
    }

    /** One Accrue process per data folder: a second one would start a second server on the same files. */
    private static FileChannel lock(Path clusterDirectory) {
        try {
            Files.createDirectories(clusterDirectory.getParent());
            Path lockFile = clusterDirectory.resolveSibling(clusterDirectory.getFileName() + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DatabaseException("the data folder " + clusterDirectory.getParent()
                        + " is in use by another Accrue process; stop it first or use another --data folder");
            }
            return channel;
        } catch (IOException e) {
            throw new DatabaseException("could not lock the data folder " + clusterDirectory.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A server left running by a process that was killed (kill -9) still holds the cluster. We hold the
     * folder lock, so no live Accrue owns it: stop that server (SIGTERM, as pg_ctl's smart mode) first.
     */
    private static void stopOrphan(Path clusterDirectory) throws IOException {
        Path pidFile = clusterDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) return;
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        // A stale pid file whose process is gone, or now another program, is removed by PostgreSQL itself.
        ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .ifPresent(orphan -> {
                    orphan.destroy();
                    try {
                        orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new DatabaseException("a PostgreSQL server (pid " + pid + ") left by an earlier run still holds "
                                + clusterDirectory + " and did not stop; stop it and start again", e);
                    }
                });
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases the lock; nothing more to do.
        }
    }
}
