package dev.accrue.postgres.ledger;

import static dev.accrue.postgres.ledger.LedgerRows.stored;
import static dev.accrue.postgres.ledger.LedgerRows.text;

import dev.accrue.core.Invariants;
import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountFlag;
import dev.accrue.core.ledger.AccountId;
import dev.accrue.core.ledger.Balance;
import dev.accrue.core.ledger.BatchOutcome;
import dev.accrue.core.ledger.PendingResolution;
import dev.accrue.core.ledger.StoredTransfer;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferId;
import dev.accrue.core.ledger.UserData;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ledger's reads and writes on one connection, each one statement ({@link LedgerSql}); the caller holds the transaction. */
final class LedgerTables {
    private LedgerTables() {}

    static void insertAccounts(Connection connection, List<Account> accounts) throws SQLException {
        int size = accounts.size();
        String[] id = new String[size], code = new String[size], unit = new String[size], program = new String[size], payee = new String[size];
        Boolean[] debitsLimited = new Boolean[size], creditsLimited = new Boolean[size];
        for (int i = 0; i < size; i++) {
            Account account = accounts.get(i);
            id[i] = account.id().value();
            code[i] = account.code().idPrefix();
            unit[i] = account.unit().code();
            program[i] = account.program() == null ? null : account.program().value();
            payee[i] = account.payee();
            debitsLimited[i] = account.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
            creditsLimited[i] = account.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
        }
        int inserted = 0;
        try (PreparedStatement statement = connection.prepareStatement(LedgerSql.INSERT_ACCOUNTS)) {
            bind(statement, connection, id, code, unit, program, payee, debitsLimited, creditsLimited);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) inserted++;
            }
        }
        // Another writer created one of these accounts since we looked: start over to compare with it.
        if (inserted != size) throw new SQLException("account created concurrently", "23505");
        try (PreparedStatement statement = connection.prepareStatement(LedgerSql.INSERT_BALANCES)) {
            bind(statement, connection, id, unit, debitsLimited, creditsLimited);
            statement.executeUpdate();
        }
    }

    /** Writes a batch decided under locks: its rows, then its changed balances. */
    static void write(Connection connection, BatchOutcome outcome) throws SQLException {
        if (outcome.changesNothing()) return;
        insertRows(connection, outcome);
        List<Balance> changed = new ArrayList<>(outcome.balancesChanged().values());
        changed.sort(Comparator.comparing(Balance::accountId, LedgerRows.BYTE_ORDER));
        setBalances(connection, changed);
    }

    static void insertRows(Connection connection, BatchOutcome outcome) throws SQLException {
        if (!outcome.created().isEmpty()) insertTransfers(connection, outcome.created());
        if (!outcome.resolutions().isEmpty()) insertResolutions(connection, outcome.resolutions());
    }

    static void insertTransfers(Connection connection, List<Transfer> created) throws SQLException {
        // Inserted in id order: two batches inserting the same new ids wait on each other in one order, not in a cycle.
        List<Transfer> transfers = new ArrayList<>(created);
        transfers.sort(Comparator.comparing(Transfer::id));
        CopyText rows = new CopyText(transfers.size());
        for (Transfer transfer : transfers) {
            UserData data = transfer.userData();
            rows.add(transfer.id().value()).add(transfer.debitAccountId().value()).add(transfer.creditAccountId().value())
                    .add(transfer.amount().amountMinor()).add(transfer.amount().unit().code()).add(stored(transfer.kind()))
                    .add(transfer.pendingId() == null ? null : transfer.pendingId().value()).add(transfer.timeoutSeconds())
                    .add(text(transfer.expiresAt())).add(transfer.linked()).add(text(transfer.timestamp())).add(stored(transfer.code()))
                    .add(data.program() == null ? null : data.program().value()).add(data.partner())
                    .add(data.period() == null ? null : data.period().toString()).add(data.reference())
                    .endRow();
        }
        Invariants.check(rows.copyInto(connection, LedgerSql.COPY_TRANSFERS) == transfers.size(), "every new transfer is inserted");
    }

    static void insertResolutions(Connection connection, List<PendingResolution> resolutions) throws SQLException {
        CopyText rows = new CopyText(resolutions.size());
        for (PendingResolution resolution : resolutions) {
            rows.add(resolution.pendingId().value()).add(stored(resolution.state()))
                    .add(resolution.resolvedBy() == null ? null : resolution.resolvedBy().value()).add(text(resolution.resolvedAt()))
                    .endRow();
        }
        Invariants.check(rows.copyInto(connection, LedgerSql.COPY_RESOLUTIONS) == resolutions.size(), "every resolution is inserted");
    }

    /**
     * Sets these balances, locking their rows in the order given, and returns each row as it was just
     * before (migration V22's {@code ledger_set_balances}).
     */
    static Map<AccountId, Balance> setBalances(Connection connection, List<Balance> balances) throws SQLException {
        return writeBalances(connection, LedgerSql.SET_BALANCES, balances, null);
    }

    /**
     * Adds to each balance the change from {@code from} to {@code to} (same accounts, same order), locking
     * the rows in that order, and returns each row as it was just before (migration V50's
     * {@code ledger_add_balances}).
     */
    static Map<AccountId, Balance> addToBalances(Connection connection, List<Balance> from, List<Balance> to) throws SQLException {
        return writeBalances(connection, LedgerSql.ADD_TO_BALANCES, to, from);
    }

    /** Writes {@code balances}, or their changes from {@code from} where it is given; returns the rows as they were. */
    private static Map<AccountId, Balance> writeBalances(Connection connection, String sql, List<Balance> balances, List<Balance> from)
            throws SQLException {
        int size = balances.size();
        String[] id = new String[size];
        Long[] debitsPending = new Long[size], debitsPosted = new Long[size], creditsPending = new Long[size], creditsPosted = new Long[size];
        for (int i = 0; i < size; i++) {
            Balance balance = balances.get(i);
            Balance base = from == null ? null : from.get(i);
            Invariants.check(base == null || base.accountId().equals(balance.accountId()), "a change is from the same account's balance");
            id[i] = balance.accountId().value();
            // Each total is between 0 and Long.MAX_VALUE, so a difference of two always fits in a long.
            debitsPending[i] = balance.debitsPendingMinor() - (base == null ? 0 : base.debitsPendingMinor());
            debitsPosted[i] = balance.debitsPostedMinor() - (base == null ? 0 : base.debitsPostedMinor());
            creditsPending[i] = balance.creditsPendingMinor() - (base == null ? 0 : base.creditsPendingMinor());
            creditsPosted[i] = balance.creditsPostedMinor() - (base == null ? 0 : base.creditsPostedMinor());
        }
        Map<AccountId, Balance> before = HashMap.newHashMap(size);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, connection, id, debitsPending, debitsPosted, creditsPending, creditsPosted);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Balance balance = LedgerRows.balance(rs);
                    before.put(balance.accountId(), balance);
                }
            }
        }
        Invariants.check(before.size() == size, "every balance row set exists and is set once");
        return before;
    }

    static Map<AccountId, Account> selectAccounts(Connection connection, Collection<AccountId> ids) throws SQLException {
        Map<AccountId, Account> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LedgerSql.SELECT_ACCOUNTS)) {
            statement.setArray(1, textArray(connection, ids.stream().map(AccountId::value).toList()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Account account = LedgerRows.account(rs);
                    found.put(account.id(), account);
                }
            }
        }
        return found;
    }

    /** Locks the balances of {@code ids} in the order given ({@code PostgresLedgerStore.lockOrder}) and returns them. */
    static Map<AccountId, Balance> lockBalances(Connection connection, List<AccountId> ids) throws SQLException {
        return selectBalances(connection, LedgerSql.LOCK_BALANCES, ids);
    }

    static Map<AccountId, Balance> selectBalances(Connection connection, String sql, Collection<AccountId> ids) throws SQLException {
        Map<AccountId, Balance> found = HashMap.newHashMap(ids.size());
        if (ids.isEmpty()) return found;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, textArray(connection, ids.stream().map(AccountId::value).toList()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Balance balance = LedgerRows.balance(rs);
                    found.put(balance.accountId(), balance);
                }
            }
        }
        return found;
    }

    static Map<TransferId, StoredTransfer> selectTransfers(Connection connection, Collection<TransferId> ids) throws SQLException {
        Map<TransferId, StoredTransfer> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LedgerSql.SELECT_TRANSFERS)) {
            statement.setArray(1, textArray(connection, ids.stream().map(TransferId::value).toList()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    StoredTransfer transfer = LedgerRows.storedTransfer(rs);
                    found.put(transfer.id(), transfer);
                }
            }
        }
        return found;
    }

    static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    /** Binds each Java array as a SQL array parameter, in order; the SQL casts each to its type. */
    static void bind(PreparedStatement statement, Connection connection, Object[]... columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            Object[] column = columns[i];
            String type = column instanceof Long[] ? "bigint" : column instanceof Boolean[] ? "boolean" : "text";
            statement.setArray(i + 1, connection.createArrayOf(type, column));
        }
    }
}
