package dev.accrue.bench.ledger;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.Transfer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/**
 * The same posting load written the naive way, for comparison: per transfer one INSERT and one UPDATE
 * of both balances, each its own autocommitted transaction, no validation. Its own two tables, so the
 * real ledger's triggers and indexes do not weigh on it.
 */
final class NaiveLedger {
    private final DataSource dataSource;

    NaiveLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create(List<Account> accounts) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE naive_transfers (id text PRIMARY KEY, debit_account_id text NOT NULL, credit_account_id text NOT NULL,
                                                  amount_minor bigint NOT NULL, kind text NOT NULL, pending_id text, ts timestamptz NOT NULL)""");
            statement.execute("""
                    CREATE TABLE naive_balances (account_id text PRIMARY KEY, debits_pending bigint NOT NULL DEFAULT 0,
                                                 debits_posted bigint NOT NULL DEFAULT 0, credits_pending bigint NOT NULL DEFAULT 0,
                                                 credits_posted bigint NOT NULL DEFAULT 0)""");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO naive_balances (account_id) VALUES (?)")) {
                for (Account account : accounts) {
                    insert.setString(1, account.id().value());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Writes each transfer as two autocommitted statements; returns the nanoseconds it took. */
    long write(List<Transfer> transfers) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO naive_transfers (id, debit_account_id, credit_account_id, amount_minor, kind, pending_id, ts) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE naive_balances SET
                         debits_pending = debits_pending + CASE WHEN account_id = ? THEN ? ELSE 0 END,
                         debits_posted = debits_posted + CASE WHEN account_id = ? THEN ? ELSE 0 END,
                         credits_pending = credits_pending + CASE WHEN account_id = ? THEN ? ELSE 0 END,
                         credits_posted = credits_posted + CASE WHEN account_id = ? THEN ? ELSE 0 END
                     WHERE account_id IN (?, ?)""")) {
            connection.setAutoCommit(true);
            long started = System.nanoTime();
            for (Transfer transfer : transfers) {
                String debit = transfer.debitAccountId().value();
                String credit = transfer.creditAccountId().value();
                long amount = transfer.amount().amountMinor();
                insert.setString(1, transfer.id().value());
                insert.setString(2, debit);
                insert.setString(3, credit);
                insert.setLong(4, amount);
                insert.setString(5, transfer.kind().name());
                insert.setString(6, transfer.pendingId() == null ? null : transfer.pendingId().value());
                insert.setTimestamp(7, Timestamp.from(transfer.timestamp()));
                insert.executeUpdate();
                // The naive writer keeps only the direction of the movement: pending accruals reserve,
                // everything else posts. Good enough to cost what the naive way costs.
                boolean pending = transfer.kind() == dev.accrue.core.ledger.TransferKind.PENDING;
                update.setString(1, debit);
                update.setLong(2, pending ? amount : 0);
                update.setString(3, debit);
                update.setLong(4, pending ? 0 : amount);
                update.setString(5, credit);
                update.setLong(6, pending ? amount : 0);
                update.setString(7, credit);
                update.setLong(8, pending ? 0 : amount);
                update.setString(9, debit);
                update.setString(10, credit);
                update.executeUpdate();
            }
            return System.nanoTime() - started;
        }
    }
}
