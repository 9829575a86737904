package dev.accrue.postgres.ledger;

import static dev.accrue.postgres.ledger.LedgerRows.text;

import dev.accrue.core.Invariants;
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
import dev.accrue.postgres.Transactions;
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
    /** check_violation and numeric_value_out_of_range: what adding a change to a stale balance can meet. */
    private static final Set<String> STALE_BALANCE_STATES = Set.of("23514", "22003");

    private final DataSource dataSource;
    /** The most balances {@link #balanceHints} keeps; past that it starts afresh. */
    static final int BALANCE_HINTS_MAX = 1_000_000;

    /** Accounts are immutable, so once read they can be kept for the life of the store. */
    private final Map<AccountId, Account> accountCache = new ConcurrentHashMap<>();
    /**
     * The balances this store last committed, per account: a hint that spares reading them before the
     * next batch decides. Never trusted: a batch's balance write returns the rows' locked values and the
     * batch is decided again if any differ (another writer, another process, the expiry job).
     */
    private final Map<AccountId, Balance> balanceHints = new ConcurrentHashMap<>();

    public PostgresLedgerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        return inTransaction((connection, attempt) -> work.run(connection));
    }

    /** Runs {@code work} in one transaction, again (with the attempt's number) after a conflict worth retrying. */
    private <T> T inTransaction(Transactions.Attempt<T> work) {
        return Transactions.retrying(dataSource, RETRY_MAX, work, () -> { }, (cause, exhausted) -> exhausted
                ? new LedgerStoreException("ledger write still conflicting after " + RETRY_MAX + " attempts", cause)
                : new LedgerStoreException("ledger write failed", cause));
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
     * <p>The first attempt is optimistic. It reads the balances of every account the batch names without
     * locking them, assumes the batch's ids are new (it reads only the pending transfers the batch
     * resolves; an id that exists after all fails the insert on the primary key), decides, writes the
     * transfers, and then adds each balance's change to its row in one statement that locks the rows —
     * payee accounts by id, then the company's by id, one order for every writer — and returns what they
     * were. If another writer changed any of them meanwhile, it decides again with the locked values: the
     * same results mean the batch stands as written (the same results change each balance by the same
     * amounts, whatever it held); different ones, or a change the row's constraint refuses, that it
     * starts over. Any
     * next attempt is pessimistic: it locks the balances and reads every id the batch names before it
     * decides. So a batch holds balance locks only from its balance write to its commit, and writes each
     * balance row once.
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
        Written written = inTransaction((connection, attempt) -> {
            Map<AccountId, Account> accounts = accounts(connection, accountIds);
            List<AccountId> lockOrder = lockOrder(accounts);
            try {
                return attempt == 1
                        ? createOptimistically(connection, transfers, accounts, lockOrder, pendingIds, batchIds)
                        : createUnderLocks(connection, transfers, accounts, lockOrder, pendingIds, batchIds);
            } catch (SQLException | RuntimeException e) {
                lockOrder.forEach(balanceHints::remove);
                throw e;
            }
        });
        if (balanceHints.size() > BALANCE_HINTS_MAX) balanceHints.clear();
        written.balances().forEach(balance -> balanceHints.put(balance.accountId(), balance));
        return written.results();
    }

    /** A batch's results and the balances of every account it named, as it committed them. */
    private record Written(List<TransferResult> results, Collection<Balance> balances) {}

    /** The balances of {@code ids} as last committed here where known, read (unlocked) otherwise. */
    private Map<AccountId, Balance> hintedBalances(Connection connection, List<AccountId> ids) throws SQLException {
        Map<AccountId, Balance> balances = HashMap.newHashMap(ids.size());
        List<AccountId> missing = new ArrayList<>();
        for (AccountId id : ids) {
            Balance hint = balanceHints.get(id);
            if (hint != null) balances.put(id, hint);
            else missing.add(id);
        }
        if (!missing.isEmpty()) balances.putAll(LedgerTables.selectBalances(connection, LedgerSql.SELECT_BALANCES, missing));
        return balances;
    }

    private Written createOptimistically(Connection connection, List<Transfer> transfers, Map<AccountId, Account> accounts,
                                         List<AccountId> lockOrder, Set<TransferId> pendingIds, Set<TransferId> batchIds)
            throws SQLException {
        Map<AccountId, Balance> read = hintedBalances(connection, lockOrder);
        Set<TransferId> lookups = new HashSet<>(pendingIds);
        lookups.removeAll(batchIds);
        Map<TransferId, StoredTransfer> stored = lookups.isEmpty() ? Map.of() : LedgerTables.selectTransfers(connection, lookups);
        BatchOutcome outcome;
        try {
            outcome = LedgerBatch.createTransfers(new LedgerSnapshot(accounts, read, stored), transfers);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A remembered balance can be older than a pending transfer read now (another writer accrued it):
            // voiding or posting it would take the remembered pending total below zero. Decide under locks,
            // on balances as committed; a failure that is not about stale balances recurs there and is thrown.
            throw new SQLException("deciding on remembered balances failed; deciding again under locks", "40001", e);
        }
        if (outcome.changesNothing()) {
            // Nothing is written, so nothing checks the hints: decide on the balances as committed.
            read = LedgerTables.selectBalances(connection, LedgerSql.SELECT_BALANCES, lockOrder);
            outcome = LedgerBatch.createTransfers(new LedgerSnapshot(accounts, read, stored), transfers);
            if (outcome.changesNothing()) return new Written(outcome.results(), read.values());
        }
        LedgerTables.insertTransfers(connection, outcome.created());
        LedgerTables.insertResolutions(connection, outcome.resolutions());
        // Every balance the decision read gets its change added (unchanged ones nothing), so every one is locked and compared.
        List<Balance> readInOrder = new ArrayList<>(lockOrder.size());
        List<Balance> decided = new ArrayList<>(lockOrder.size());
        for (AccountId id : lockOrder) {
            readInOrder.add(read.get(id));
            decided.add(outcome.balancesChanged().getOrDefault(id, read.get(id)));
        }
        Map<AccountId, Balance> locked = addToBalances(connection, readInOrder, decided);
        if (locked.equals(read)) return new Written(outcome.results(), decided);
        // Another writer changed some of these balances since they were read. Adding a change is right
        // whatever the row held, so the batch stands if the same results follow from the locked values.
        BatchOutcome decidedAgain = LedgerBatch.createTransfers(new LedgerSnapshot(accounts, locked, stored), transfers);
        if (!decidedAgain.results().equals(outcome.results())) {
            throw new SQLException("balances changed by another writer changed the outcome; deciding again under locks", "40001");
        }
        List<Balance> committed = new ArrayList<>(lockOrder.size());
        for (int i = 0; i < lockOrder.size(); i++) {
            AccountId id = lockOrder.get(i);
            Balance balance = decidedAgain.balancesChanged().getOrDefault(id, locked.get(id));
            Invariants.check(balance.equals(plus(locked.get(id), readInOrder.get(i), decided.get(i))),
                    "the same results change each balance by the same amounts, whatever it held");
            committed.add(balance);
        }
        return new Written(decidedAgain.results(), committed);
    }

    /**
     * The optimistic balance write. A change added to a balance that another writer changed since it was
     * read can break a balance constraint (23514) or pass bigint (22003) where the decision saw none:
     * then the batch is decided again under locks, which refuses the transfers concerned.
     */
    private static Map<AccountId, Balance> addToBalances(Connection connection, List<Balance> read, List<Balance> decided)
            throws SQLException {
        try {
            return LedgerTables.addToBalances(connection, read, decided);
        } catch (SQLException e) {
            if (!STALE_BALANCE_STATES.contains(e.getSQLState())) throw e;
            throw new SQLException("a balance changed by another writer refused this batch's change; deciding again under locks", "40001", e);
        }
    }

    /** {@code base} plus the change from {@code from} to {@code to}, exactly. */
    private static Balance plus(Balance base, Balance from, Balance to) {
        return new Balance(base.accountId(), base.unit(),
                Math.addExact(base.debitsPendingMinor(), to.debitsPendingMinor() - from.debitsPendingMinor()),
                Math.addExact(base.debitsPostedMinor(), to.debitsPostedMinor() - from.debitsPostedMinor()),
                Math.addExact(base.creditsPendingMinor(), to.creditsPendingMinor() - from.creditsPendingMinor()),
                Math.addExact(base.creditsPostedMinor(), to.creditsPostedMinor() - from.creditsPostedMinor()));
    }

    private static Written createUnderLocks(Connection connection, List<Transfer> transfers, Map<AccountId, Account> accounts,
                                            List<AccountId> lockOrder, Set<TransferId> pendingIds, Set<TransferId> batchIds)
            throws SQLException {
        Map<AccountId, Balance> balances = LedgerTables.lockBalances(connection, lockOrder);
        Set<TransferId> lookups = new HashSet<>(pendingIds);
        lookups.addAll(batchIds);
        Map<TransferId, StoredTransfer> stored = LedgerTables.selectTransfers(connection, lookups);
        BatchOutcome outcome = LedgerBatch.createTransfers(new LedgerSnapshot(accounts, balances, stored), transfers);
        LedgerTables.write(connection, outcome);
        Map<AccountId, Balance> committed = new HashMap<>(balances);
        committed.putAll(outcome.balancesChanged());
        return new Written(outcome.results(), committed.values());
    }

    /** Payee accounts by id, then the company's (named by nearly every batch, so held last and briefly) by id. */
    private static List<AccountId> lockOrder(Map<AccountId, Account> accounts) {
        List<AccountId> payees = new ArrayList<>();
        List<AccountId> company = new ArrayList<>();
        accounts.values().forEach(account -> (account.code().scope() == AccountCode.Scope.COMPANY ? company : payees).add(account.id()));
        payees.sort(LedgerRows.BYTE_ORDER);
        company.sort(LedgerRows.BYTE_ORDER);
        payees.addAll(company);
        return payees;
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
        Map<AccountId, Balance> balances = LedgerTables.lockBalances(connection, lockOrder(accounts));
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
