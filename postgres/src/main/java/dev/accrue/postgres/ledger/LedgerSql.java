package dev.accrue.postgres.ledger;

/**
 * The ledger store's SQL, kept as SQL. New rows go in by COPY; reads and the balance update take arrays
 * through {@code unnest}, so each batch is one statement per table.
 */
final class LedgerSql {
    private LedgerSql() {}

    static final String TRANSFER_COLUMNS = "t.id, t.debit_account_id, t.credit_account_id, t.amount_minor, t.unit, t.kind, t.pending_id,"
            + " t.timeout_seconds, t.linked, t.ts, t.code, t.program, t.partner, t.period, t.reference";

    static final String SELECT_ACCOUNTS = """
            SELECT id, code, unit, program, payee, debits_must_not_exceed_credits, credits_must_not_exceed_debits
            FROM ledger_accounts WHERE id = ANY (?::text[])""";

    static final String INSERT_ACCOUNTS = """
            INSERT INTO ledger_accounts (id, code, unit, program, payee, debits_must_not_exceed_credits, credits_must_not_exceed_debits)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[])
            ON CONFLICT (id) DO NOTHING
            RETURNING id""";

    static final String INSERT_BALANCES = """
            INSERT INTO ledger_balances (account_id, unit, debits_must_not_exceed_credits, credits_must_not_exceed_debits)
            SELECT * FROM unnest(?::text[], ?::text[], ?::boolean[], ?::boolean[])""";

    /** Locks the batch's balances in id order: every writer takes them in the same order, so none deadlock. */
    static final String LOCK_BALANCES = """
            SELECT account_id, unit, debits_pending_minor, debits_posted_minor, credits_pending_minor, credits_posted_minor
            FROM ledger_balances WHERE account_id = ANY (?::text[])
            ORDER BY account_id
            FOR UPDATE""";

    static final String SELECT_BALANCES = """
            SELECT account_id, unit, debits_pending_minor, debits_posted_minor, credits_pending_minor, credits_posted_minor
            FROM ledger_balances WHERE account_id = ANY (?::text[])""";

    static final String SELECT_TRANSFERS = "SELECT " + TRANSFER_COLUMNS + ", r.state AS resolution_state"
            + " FROM ledger_transfers t LEFT JOIN ledger_pending_resolutions r ON r.pending_id = t.id"
            + " WHERE t.id = ANY (?::text[])";

    static final String COPY_TRANSFERS = """
            COPY ledger_transfers (id, debit_account_id, credit_account_id, amount_minor, unit, kind, pending_id,
                                   timeout_seconds, expires_at, linked, ts, code, program, partner, period, reference)
            FROM STDIN""";

    static final String COPY_RESOLUTIONS = "COPY ledger_pending_resolutions (pending_id, state, resolved_by, resolved_at) FROM STDIN";

    static final String UPDATE_BALANCES = """
            UPDATE ledger_balances AS b
            SET debits_pending_minor = v.debits_pending, debits_posted_minor = v.debits_posted,
                credits_pending_minor = v.credits_pending, credits_posted_minor = v.credits_posted
            FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                 AS v(account_id, debits_pending, debits_posted, credits_pending, credits_posted)
            WHERE b.account_id = v.account_id""";

    /** Pending transfers whose timeout has passed and that nothing resolved yet, oldest first. */
    static final String SELECT_EXPIRED_IDS = """
            SELECT t.id FROM ledger_transfers t
            WHERE t.expires_at <= ?::timestamptz
              AND NOT EXISTS (SELECT 1 FROM ledger_pending_resolutions r WHERE r.pending_id = t.id)
            ORDER BY t.expires_at, t.id
            LIMIT ?""";

    /**
     * Balances as of a moment, from the transfers alone (see {@code LedgerStore.balancesAsOf}): a pending
     * transfer counts as pending unless resolved by then; a post counts its posted amount; a void nothing.
     */
    static final String BALANCES_AS_OF = """
            SELECT a.id AS account_id, a.unit,
                   coalesce(sum(m.amount_minor) FILTER (WHERE m.debit AND m.pending), 0)         AS debits_pending_minor,
                   coalesce(sum(m.amount_minor) FILTER (WHERE m.debit AND NOT m.pending), 0)     AS debits_posted_minor,
                   coalesce(sum(m.amount_minor) FILTER (WHERE NOT m.debit AND m.pending), 0)     AS credits_pending_minor,
                   coalesce(sum(m.amount_minor) FILTER (WHERE NOT m.debit AND NOT m.pending), 0) AS credits_posted_minor
            FROM ledger_accounts a
            LEFT JOIN LATERAL (
                SELECT true AS debit, t.kind = 'pending' AS pending, t.amount_minor
                FROM ledger_transfers t
                WHERE t.debit_account_id = a.id AND t.ts <= ?::timestamptz AND t.kind <> 'void_pending'
                  AND NOT EXISTS (SELECT 1 FROM ledger_pending_resolutions r
                                  WHERE r.pending_id = t.id AND r.resolved_at <= ?::timestamptz)
                UNION ALL
                SELECT false, t.kind = 'pending', t.amount_minor
                FROM ledger_transfers t
                WHERE t.credit_account_id = a.id AND t.ts <= ?::timestamptz AND t.kind <> 'void_pending'
                  AND NOT EXISTS (SELECT 1 FROM ledger_pending_resolutions r
                                  WHERE r.pending_id = t.id AND r.resolved_at <= ?::timestamptz)
            ) m ON true
            WHERE a.id = ANY (?::text[])
            GROUP BY a.id, a.unit""";
}
