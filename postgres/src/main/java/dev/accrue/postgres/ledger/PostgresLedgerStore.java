package dev.accrue.postgres.ledger;

import static dev.accrue.postgres.ledger.LedgerRows.text;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountCode;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The ledger in PostgreSQL: a thin adapter around {@link LedgerBatch}. Each batch is one transaction:
 * lock the balances of every account it names (in one global order, so concurrent batches cannot
 * deadlock), read the transfers it needs, let the core decide, then write the new transfers (COPY), the
 * resolved pendings (COPY) and the new balances (one UPDATE).
 */
public final class PostgresLedgerStore implements LedgerStore {
    /**
     * Attempts per batch. The first is optimistic (see {@link #createTransfers}); a conflict — an id that
     * exists after all, company balances that changed the outcome, a deadlock — makes the next one
     * pessimistic, which only another writer inserting the same new ids at the same moment can fail.
     */
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
            Map<AccountId, Account> existing = LedgerTables.selectAccounts(connection, ids);
            List<AccountResult> decided = LedgerBatch.createAccounts(existing, accounts);
            List<Account> created = decided.stream()
                    .filter(result -> result.result() == CreateAccountResult.OK).map(AccountResult::account).toList();
            if (!created.isEmpty()) LedgerTables.insertAccounts(connection, created);
            return decided;
        });
        results.forEach(result -> accountCache.putIfAbsent(result.id(), result.account()));
        return results;
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
        Set<AccountId> accountIds = new HashSet<>();
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
            Map<AccountId, Balance> balances = LedgerTables.lockBalances(connection, payees);
            Set<TransferId> lookups = new HashSet<>(pendingIds);
            if (optimistic) lookups.removeAll(batchIds);
            else lookups.addAll(batchIds);
            Map<TransferId, StoredTransfer> stored = lookups.isEmpty() ? Map.of() : LedgerTables.selectTransfers(connection, lookups);
            Map<AccountId, Balance> companyBalances = optimistic
                    ? LedgerTables.selectBalances(connection, LedgerSql.SELECT_BALANCES, company) : LedgerTables.lockBalances(connection, company);
            Map<AccountId, Balance> all = new HashMap<>(balances);
            all.putAll(companyBalances);
            BatchOutcome outcome = LedgerBatch.createTransfers(new LedgerSnapshot(accounts, all, stored), transfers);
            if (optimistic && !outcome.changesNothing()) {
                LedgerTables.insertRows(connection, outcome);
                Map<AccountId, Balance> lockedCompany = LedgerTables.lockBalances(connection, company);
                if (!lockedCompany.equals(companyBalances)) {
                    all.putAll(lockedCompany);
                    BatchOutcome decidedAgain = LedgerBatch.createTransfers(new LedgerSnapshot(accounts, all, stored), transfers);
                    if (!decidedAgain.results().equals(outcome.results())) {
                        throw new SQLException("company balances changed the outcome; deciding again under lock", "40001");
                    }
                    outcome = decidedAgain;
                }
                LedgerTables.updateBalances(connection, outcome.balancesChanged().values());
            } else {
                LedgerTables.write(connection, outcome);
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
        Set<AccountId> accountIds = new HashSet<>();
        for (StoredTransfer pending : LedgerTables.selectTransfers(connection, candidates).values()) {
            accountIds.add(pending.transfer().debitAccountId());
            accountIds.add(pending.transfer().creditAccountId());
        }
        Map<AccountId, Account> accounts = accounts(connection, accountIds);
        List<AccountId> payees = new ArrayList<>();
        List<AccountId> company = new ArrayList<>();
        accounts.values().forEach(account -> (account.code().scope() == AccountCode.Scope.COMPANY ? company : payees).add(account.id()));
        Map<AccountId, Balance> balances = LedgerTables.lockBalances(connection, payees);
        balances.putAll(LedgerTables.lockBalances(connection, company));
        // Read again under the locks: a post or void may have resolved a candidate meanwhile.
        Map<TransferId, StoredTransfer> pendings = LedgerTables.selectTransfers(connection, candidates);
        BatchOutcome outcome = LedgerBatch.expire(new LedgerSnapshot(accounts, balances, pendings), now);
        LedgerTables.write(connection, outcome);
        return outcome.resolutions();
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
            Map<AccountId, Account> loaded = LedgerTables.selectAccounts(connection, missing);
            accountCache.putAll(loaded);
            found.putAll(loaded);
        }
        return found;
    }

    @Override
    public Map<TransferId, StoredTransfer> lookupTransfers(Collection<TransferId> ids) {
        if (ids.isEmpty()) return Map.of();
        return read(connection -> LedgerTables.selectTransfers(connection, ids));
    }

    @Override
    public Map<AccountId, Account> lookupAccounts(Collection<AccountId> ids) {
        if (ids.isEmpty()) return Map.of();
        return read(connection -> accounts(connection, ids));
    }

    @Override
    public Map<AccountId, Balance> balances(Collection<AccountId> ids) {
        if (ids.isEmpty()) return Map.of();
        return read(connection -> LedgerTables.selectBalances(connection, LedgerSql.SELECT_BALANCES, ids));
    }

    @Override
    public Map<AccountId, Balance> balancesAsOf(Collection<AccountId> ids, Instant at) {
        if (ids.isEmpty()) return Map.of();
        return read(connection -> {
            Map<AccountId, Balance> found = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(LedgerSql.BALANCES_AS_OF)) {
                for (int i = 1; i <= 4; i++) statement.setString(i, text(at));
                statement.setArray(5, LedgerTables.textArray(connection, ids.stream().map(AccountId::value).toList()));
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

}
