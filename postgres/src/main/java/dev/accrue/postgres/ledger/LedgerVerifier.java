package dev.accrue.postgres.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Checks the stored ledger against its own history: every balance recomputed from the transfers,
 * debits equal to credits in every unit, every pending transfer open or ended exactly once and
 * consistently with the transfer that ended it. Reads in one repeatable-read transaction, so it sees
 * one moment even while batches are being written.
 */
public final class LedgerVerifier {
    /** Enough differences to diagnose; a broken ledger could otherwise produce millions of lines. */
    static final int DIFFERENCES_MAX = 1_000;

    private final DataSource dataSource;

    public LedgerVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public LedgerVerification verify() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                List<String> differences = new ArrayList<>();
                for (String check : VerifierSql.CHECKS) {
                    collect(statement, check, differences);
                }
                List<String> units = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT DISTINCT unit FROM ledger_accounts ORDER BY unit")) {
                    while (rs.next()) units.add(rs.getString(1));
                }
                long[] counts = new long[6];
                try (ResultSet rs = statement.executeQuery(VerifierSql.COUNTS)) {
                    rs.next();
                    for (int i = 0; i < counts.length; i++) counts[i] = rs.getLong(i + 1);
                }
                connection.commit();
                return new LedgerVerification(differences, counts[0], counts[1], units, counts[2], counts[3], counts[4], counts[5]);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new LedgerStoreException("ledger verification failed to read", e);
        }
    }

    /** Each check selects one text column describing one difference per row. */
    private static void collect(Statement statement, String sql, List<String> differences) throws SQLException {
        if (differences.size() >= DIFFERENCES_MAX) return;
        try (ResultSet rs = statement.executeQuery(sql + " LIMIT " + (DIFFERENCES_MAX - differences.size()))) {
            while (rs.next()) differences.add(rs.getString(1));
        }
    }
}
