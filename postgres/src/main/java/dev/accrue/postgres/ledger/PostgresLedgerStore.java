package dev.accrue.postgres.ledger;

import static dev.accrue.postgres.ledger.LedgerRows.stored;
import static dev.accrue.postgres.ledger.LedgerRows.text;

import dev.accrue.core.Invariants;
import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountCode;
import dev.accrue.core.ledger.AccountFlag;
import dev.accrue.core.ledger.AccountId;
import dev.accrue.core.ledger.AccountResult;
import dev.accrue.core.ledger.Balance;
import dev.accrue.core.ledger.BatchOutcome;
import dev.accrue.core.ledger.CreateAccountResult;
import dev.accrue.core.ledger.LedgerBatch;
import dev.accrue.core.ledger.LedgerSnapshot;
import dev.accrue.core.ledger.LedgerStore;
import dev.accrue.core.ledger.PendingResolution;
import dev.accrue.core.ledger.StoredTransfer;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferId;
import dev.accrue.core.ledger.TransferResult;
import dev.accrue.core.ledger.UserData;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The ledger in PostgreSQL: a thin adapter around {@link LedgerBatch}. Each batch is one transaction:
 * lock the balances of every account it names (in one global order, so concurrent batches cannot
 * deadlock), read the transfers it needs, let the core decide, then write the new transfers (COPY), the
 * resolved pendings (COPY) and the new balances (one UPDATE).
 */
public final class PostgresLedgerStore implements LedgerStore {
    /** Two batches may insert the same new id at once; the loser retries and then sees the winner's transfer. */
    static final int RETRY_MAX = 5;
    /** The most pending transfers one expiry transaction resolves; the job loops until none are left. */
    static final int EXPIRY_BATCH_SIZE_MAX = 1_000;
    private static final Set<String> RETRYABLE_STATES = Set.of("23505", "40001", "40P01");

    private final DataSource dataSource;
    /** Accounts are immutable, so once read they can be kept for the life of the store. */
    private final Map<AccountId, Account> accountCache = new ConcurrentHashMap<>();

    public PostgresLedgerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run(Connection connection, int attempt) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        return inTransaction((connection, attempt) -> work.run(connection));
    }

    /** Runs {@code work} in one transaction, again (with the attempt's number) after a conflict worth retrying. */
    private <T> T inTransaction(Attempt<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= RETRY_MAX; attempt++) {
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
                if (!RETRYABLE_STATES.contains(e.getSQLState())) throw new LedgerStoreException("ledger write failed", e);
                last = e;
            }
        }
        throw new LedgerStoreException("ledger write still conflicting after " + RETRY_MAX + " attempts", last);
    }

    @Override
    public List<AccountResult> createAccounts(List<Account> accounts) {
        if (accounts.isEmpty()) return List.of();
        List<AccountResult> results = inTransaction(connection -> {
            Set<AccountId> ids = new HashSet<>();
            accounts.forEach(account -> ids.add(account.id()));
            Map<AccountId, Account> existing = selectAccounts(connection, ids);
            List<AccountResult> decided = LedgerBatch.createAccounts(existing, accounts);
            List<Account> created = decided.stream()
                    .filter(result -> result.result() == CreateAccountResult.OK).map(AccountResult::account).toList();
            if (!created.isEmpty()) insertAccounts(connection, created);
            return decided;
        });
        results.forEach(result -> accountCache.putIfAbsent(result.id(), result.account()));
        return results;
    }

    private void insertAccounts(Connection connection, List<Account> accounts) throws SQLException {
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

    /**
     * {@inheritDoc}
     *
     * <p>Payee balances are locked first, in id order, and the company's (incentive expense, payable,
     * paid: named by nearly every batch) last, in id order. Every writer locks in that one order, so none
     * deadlock.
     *
     * <p>The first attempt is optimistic twice over. It assumes the batch's ids are new and reads only the
     * pending transfers the batch resolves; an id that exists after all fails the insert on the primary
     * key. And it decides against the company balances as last committed, writes the transfers, and only
     * then locks the company rows and decides again with their current values: if anything came out
     * differently it gives up. Either way the next attempt is pessimistic: it reads every id the batch
     * names and locks the company rows before deciding. So the rows every batch needs are held only for
     * the balance update and the commit, and concurrent batches overlap everything else.
     */
    @Override
    public List<TransferResult> createTransfers(List<Transfer> transfers) {
        if (transfers.isEmpty()) return List.of();
        LedgerBatch.requireSize(transfers.size(), LedgerBatch.TRANSFER_BATCH_SIZE_MAX, "transfers");
        TreeSet<AccountId> accountIds = new TreeSet<>();
        Set<TransferId> batchIds = new HashSet<>();
        Set<TransferId> pendingIds = new HashSet<>();
        for (Transfer transfer : transfers) {
            accountIds.add(transfer.debitAccountId());
            accountIds.add(transfer.creditAccountId());
            batchIds.add(transfer.id());
            if (transfer.pendingId() != null) pendingIds.add(transfer.pendingId());
        }
        return inTransaction((connection, attempt) -> {
            boolean optimistic = attempt == 1;
            Map<AccountId, Account> accounts = accounts(connection, accountIds);
            List<AccountId> payees = new ArrayList<>();
            List<AccountId> company = new ArrayList<>();
            accounts.values().forEach(account -> (account.code().scope() == AccountCode.Scope.COMPANY ? company : payees).add(account.id()));
            Map<AccountId, Balance> balances = lockBalances(connection, payees);
            Set<TransferId> lookups = new HashSet<>(pendingIds);
            if (optimistic) lookups.removeAll(batchIds);
            else lookups.addAll(batchIds);
            Map<TransferId, StoredTransfer> stored = lookups.isEmpty() ? Map.of() : selectTransfers(connection, lookups);
            Map<AccountId, Balance> companyBalances = optimistic
                    ? selectBalances(connection, LedgerSql.SELECT_BALANCES, company) : lockBalances(connection, company);
            Map<AccountId, Balance> all = new HashMap<>(balances);
            all.putAll(companyBalances);
            BatchOutcome outcome = LedgerBatch.createTransfers(new LedgerSnapshot(accounts, all, stored), transfers);
            if (optimistic && !outcome.changesNothing()) {
                insertRows(connection, outcome);
                Map<AccountId, Balance> lockedCompany = lockBalances(connection, company);
                if (!lockedCompany.equals(companyBalances)) {
                    all.putAll(lockedCompany);
                    BatchOutcome decidedAgain = LedgerBatch.createTransfers(new LedgerSnapshot(accounts, all, stored), transfers);
                    if (!decidedAgain.results().equals(outcome.results())) {
                        throw new SQLException("company balances changed the outcome; deciding again under lock", "40001");
                    }
                    outcome = decidedAgain;
                }
                updateBalances(connection, outcome.balancesChanged().values());
            } else {
                write(connection, outcome);
            }
            return outcome.results();
        });
    }

    @Override
    public List<PendingResolution> expirePendingTransfers(Instant now) {
        List<PendingResolution> expired = new ArrayList<>();
        while (true) {
            List<PendingResolution> round = inTransaction(connection -> expireSome(connection, now));
            expired.addAll(round);
            if (round.size() < EXPIRY_BATCH_SIZE_MAX) return expired;
        }
    }

    private List<PendingResolution> expireSome(Connection connection, Instant now) throws SQLException {
        Set<TransferId> candidates = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(LedgerSql.SELECT_EXPIRED_IDS)) {
            statement.setString(1, text(now));
            statement.setInt(2, EXPIRY_BATCH_SIZE_MAX);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) candidates.add(new TransferId(rs.getString(1)));
            }
        }
        if (candidates.isEmpty()) return List.of();
        TreeSet<AccountId> accountIds = new TreeSet<>();
        for (StoredTransfer pending : selectTransfers(connection, candidates).values()) {
            accountIds.add(pending.transfer().debitAccountId());
            accountIds.add(pending.transfer().creditAccountId());
        }
        Map<AccountId, Account> accounts = accounts(connection, accountIds);
        List<AccountId> payees = new ArrayList<>();
        List<AccountId> company = new ArrayList<>();
        accounts.values().forEach(account -> (account.code().scope() == AccountCode.Scope.COMPANY ? company : payees).add(account.id()));
        Map<AccountId, Balance> balances = lockBalances(connection, payees);
        balances.putAll(lockBalances(connection, company));
        // Read again under the locks: a post or void may have resolved a candidate meanwhile.
        Map<TransferId, StoredTransfer> pendings = selectTransfers(connection, candidates);
        BatchOutcome outcome = LedgerBatch.expire(new LedgerSnapshot(accounts, balances, pendings), now);
        write(connection, outcome);
        return outcome.resolutions();
    }

    private void write(Connection connection, BatchOutcome outcome) throws SQLException {
        if (outcome.changesNothing()) return;
        insertRows(connection, outcome);
        updateBalances(connection, outcome.balancesChanged().values());
    }

    private void insertRows(Connection connection, BatchOutcome outcome) throws SQLException {
        if (!outcome.created().isEmpty()) insertTransfers(connection, outcome.created());
        if (!outcome.resolutions().isEmpty()) insertResolutions(connection, outcome.resolutions());
    }

    private void insertTransfers(Connection connection, List<Transfer> created) throws SQLException {
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

    private void insertResolutions(Connection connection, List<PendingResolution> resolutions) throws SQLException {
        CopyText rows = new CopyText(resolutions.size());
        for (PendingResolution resolution : resolutions) {
            rows.add(resolution.pendingId().value()).add(stored(resolution.state()))
                    .add(resolution.resolvedBy() == null ? null : resolution.resolvedBy().value()).add(text(resolution.resolvedAt()))
                    .endRow();
        }
        Invariants.check(rows.copyInto(connection, LedgerSql.COPY_RESOLUTIONS) == resolutions.size(), "every resolution is inserted");
    }

    private void updateBalances(Connection connection, Collection<Balance> balances) throws SQLException {
        int size = balances.size();
        String[] id = new String[size];
        Long[] debitsPending = new Long[size], debitsPosted = new Long[size], creditsPending = new Long[size], creditsPosted = new Long[size];
        int i = 0;
        for (Balance balance : balances) {
            id[i] = balance.accountId().value();
            debitsPending[i] = balance.debitsPendingMinor();
            debitsPosted[i] = balance.debitsPostedMinor();
            creditsPending[i] = balance.creditsPendingMinor();
            creditsPosted[i] = balance.creditsPostedMinor();
            i++;
        }
        try (PreparedStatement statement = connection.prepareStatement(LedgerSql.UPDATE_BALANCES)) {
            bind(statement, connection, id, debitsPending, debitsPosted, creditsPending, creditsPosted);
            Invariants.check(statement.executeUpdate() == size, "every changed balance row exists and is updated");
        }
    }

    private Map<AccountId, Account> accounts(Connection connection, Collection<AccountId> ids) throws SQLException {
        Map<AccountId, Account> found = new HashMap<>();
        Set<AccountId> missing = new HashSet<>();
        for (AccountId id : ids) {
            Account account = accountCache.get(id);
            if (account != null) found.put(id, account);
            else missing.add(id);
        }
        if (!missing.isEmpty()) {
            Map<AccountId, Account> loaded = selectAccounts(connection, missing);
            accountCache.putAll(loaded);
            found.putAll(loaded);
        }
        return found;
    }

    private Map<AccountId, Account> selectAccounts(Connection connection, Collection<AccountId> ids) throws SQLException {
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

    private Map<AccountId, Balance> lockBalances(Connection connection, Collection<AccountId> ids) throws SQLException {
        return selectBalances(connection, LedgerSql.LOCK_BALANCES, ids);
    }

    private Map<AccountId, Balance> selectBalances(Connection connection, String sql, Collection<AccountId> ids) throws SQLException {
        Map<AccountId, Balance> found = new HashMap<>();
        if (ids.isEmpty()) return found;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, textArray(connection, ids.stream().map(AccountId::value).sorted().toList()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Balance balance = LedgerRows.balance(rs);
                    found.put(balance.accountId(), balance);
                }
            }
        }
        return found;
    }

    private Map<TransferId, StoredTransfer> selectTransfers(Connection connection, Collection<TransferId> ids) throws SQLException {
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

    @Override
    public Map<TransferId, StoredTransfer> lookupTransfers(Collection<TransferId> ids) {
        if (ids.isEmpty()) return Map.of();
        return read(connection -> selectTransfers(connection, ids));
    }

    @Override
    public Map<AccountId, Account> lookupAccounts(Collection<AccountId> ids) {
        if (ids.isEmpty()) return Map.of();
        return read(connection -> accounts(connection, ids));
    }

    @Override
    public Map<AccountId, Balance> balances(Collection<AccountId> ids) {
        if (ids.isEmpty()) return Map.of();
        return read(connection -> selectBalances(connection, LedgerSql.SELECT_BALANCES, ids));
    }

    @Override
    public Map<AccountId, Balance> balancesAsOf(Collection<AccountId> ids, Instant at) {
        if (ids.isEmpty()) return Map.of();
        return read(connection -> {
            Map<AccountId, Balance> found = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(LedgerSql.BALANCES_AS_OF)) {
                for (int i = 1; i <= 4; i++) statement.setString(i, text(at));
                statement.setArray(5, textArray(connection, ids.stream().map(AccountId::value).toList()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Balance balance = LedgerRows.balance(rs);
                        found.put(balance.accountId(), balance);
                    }
                }
            }
            return found;
        });
    }

    private <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new LedgerStoreException("ledger read failed", e);
        }
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    /** Binds each Java array as a SQL array parameter, in order; the SQL casts each to its type. */
    private static void bind(PreparedStatement statement, Connection connection, Object[]... columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            Object[] column = columns[i];
            String type = column instanceof Long[] ? "bigint" : column instanceof Boolean[] ? "boolean" : "text";
            statement.setArray(i + 1, connection.createArrayOf(type, column));
        }
    }
}
