package dev.accrue.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Whether this process runs as root, and whether it can then run PostgreSQL in a user namespace. */
final class RootUser {
    /** What zonky prefixes to initdb and pg_ctl when it runs as root. */
    static final String NAMESPACE_COMMAND = "unshare -U";

    private RootUser() {}

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return line.split("\\s+")[2].equals("0"); // real, effective, ...
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through to the user name.
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** Throws with what to do instead when root cannot open a user namespace here (e.g. a locked-down container). */
    static void requireUserNamespaces() {
        String failure;
        try {
            Process probe = new ProcessBuilder("sh", "-c", NAMESPACE_COMMAND + " true")
                    .redirectErrorStream(true).start();
            boolean done = probe.waitFor(10, TimeUnit.SECONDS);
            String output = new String(probe.getInputStream().readAllBytes()).trim();
            if (done && probe.exitValue() == 0) return;
            failure = done ? output : "timed out";
        } catch (IOException e) {
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        throw new DatabaseException("PostgreSQL refuses to run as root, and this machine does not let root run it in a user namespace ("
                + NAMESPACE_COMMAND + " failed: " + failure + "). Run Accrue as an ordinary user, "
                + "or point it at a PostgreSQL server with --db JDBC_URL (or ACCRUE_DB_URL).");
    }
}
