package dev.accrue.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One unit of work in one transaction, run again on a fresh connection after a conflict worth retrying:
 * a unique violation (two writers inserting the same id), a serialization failure or a deadlock. The
 * event store and the ledger store write this way.
 */
public final class Transactions {
    private static final Set<String> RETRYABLE_STATES = Set.of("23505", "40001", "40P01");

    private Transactions() {}

    /** The work of one attempt (numbered from 1); what it leaves in the transaction is committed. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(Connection connection, int attempt) throws SQLException;
    }

    /** The store's own exception: for an error not worth retrying, or ({@code exhausted}) the last conflict. */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(SQLException cause, boolean exhausted);
    }

    /**
     * Runs {@code work} in a transaction and commits it; on a retryable conflict calls {@code beforeRetry}
     * and tries again, at most {@code attempts} times.
     */
    public static <T> T retrying(DataSource dataSource, int attempts, Attempt<T> work, Runnable beforeRetry, Failure failure) {
        SQLException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection, attempt);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (!RETRYABLE_STATES.contains(e.getSQLState())) throw failure.of(e, false);
                last = e;
                beforeRetry.run();
            }
        }
        throw failure.of(last, true);
    }
}
