package dev.accrue.postgres.ledger;

import dev.accrue.core.ledger.Account;
import dev.accrue.core.ledger.AccountCode;
import dev.accrue.core.ledger.AccountFlag;
import dev.accrue.core.ledger.AccountId;
import dev.accrue.core.ledger.Balance;
import dev.accrue.core.ledger.StoredTransfer;
import dev.accrue.core.ledger.Transfer;
import dev.accrue.core.ledger.TransferCode;
import dev.accrue.core.ledger.TransferId;
import dev.accrue.core.ledger.TransferKind;
import dev.accrue.core.ledger.TransferState;
import dev.accrue.core.ledger.UserData;
import dev.accrue.core.money.Money;
import dev.accrue.core.money.Unit;
import dev.accrue.core.program.ProgramId;
import dev.accrue.core.time.PeriodId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Rows to the core's records and back: names of enums as stored, units, timestamps. */
final class LedgerRows {
    /** Units are few; parsing one per row would be waste. */
    private static final Map<String, Unit> UNITS = new ConcurrentHashMap<>();

    private LedgerRows() {}

    /**
     * Account ids in the order PostgreSQL sorts them ({@code COLLATE "C"}: UTF-8 bytes, which is code point
     * order), so that locks taken in an order computed here and in one sorted by SQL agree.
     */
    static final Comparator<AccountId> BYTE_ORDER = (a, b) -> compareCodePoints(a.value(), b.value());

    private static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i), y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static Unit unit(String code) {
        return UNITS.computeIfAbsent(code, Unit::of);
    }

    static String stored(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String stored) {
        return Enum.valueOf(type, stored.toUpperCase(Locale.ROOT));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An instant as PostgreSQL reads it into a timestamptz, to the microsecond. */
    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Account account(ResultSet rs) throws SQLException {
        Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        if (rs.getBoolean("debits_must_not_exceed_credits")) flags.add(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
        if (rs.getBoolean("credits_must_not_exceed_debits")) flags.add(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
        String program = rs.getString("program");
        return new Account(new AccountId(rs.getString("id")), AccountCode.ofIdPrefix(rs.getString("code")), unit(rs.getString("unit")),
                program == null ? null : new ProgramId(program), rs.getString("payee"), flags);
    }

    static Balance balance(ResultSet rs) throws SQLException {
        return new Balance(new AccountId(rs.getString("account_id")), unit(rs.getString("unit")),
                rs.getLong("debits_pending_minor"), rs.getLong("debits_posted_minor"),
                rs.getLong("credits_pending_minor"), rs.getLong("credits_posted_minor"));
    }

    /** A transfer row joined with its pending resolution's state ({@code resolution_state}, null if none). */
    static StoredTransfer storedTransfer(ResultSet rs) throws SQLException {
        String pendingId = rs.getString("pending_id");
        String program = rs.getString("program");
        String period = rs.getString("period");
        UserData userData = new UserData(program == null ? null : new ProgramId(program), rs.getString("partner"),
                period == null ? null : PeriodId.parse(period), rs.getString("reference"));
        Transfer transfer = new Transfer(new TransferId(rs.getString("id")), new AccountId(rs.getString("debit_account_id")),
                new AccountId(rs.getString("credit_account_id")), new Money(rs.getLong("amount_minor"), unit(rs.getString("unit"))),
                parse(TransferKind.class, rs.getString("kind")), pendingId == null ? null : new TransferId(pendingId),
                rs.getLong("timeout_seconds"), rs.getBoolean("linked"), instant(rs, "ts"),
                parse(TransferCode.class, rs.getString("code")), userData);
        String resolution = rs.getString("resolution_state");
        TransferState state = resolution == null ? TransferState.initial(transfer.kind()) : parse(TransferState.class, resolution);
        return new StoredTransfer(transfer, state);
    }
}
