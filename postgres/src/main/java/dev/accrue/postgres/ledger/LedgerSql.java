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

    /** Locks balances in the order of the ids given: every writer takes them in one order, so none deadlock. */
    static final String LOCK_BALANCES = """
            SELECT b.account_id, b.unit, b.debits_pending_minor, b.debits_posted_minor, b.credits_pending_minor, b.credits_posted_minor
            FROM unnest(?::text[]) WITH ORDINALITY AS v(account_id, position)
            JOIN ledger_balances b ON b.account_id = v.account_id
            ORDER BY v.position
            FOR UPDATE OF b""";

    static final String SELECT_BALANCES = """
            SELECT account_id, unit, debits_pending_minor, debits_posted_minor, credits_pending_minor, credits_posted_minor
            FROM ledger_balances WHERE account_id = ANY (?::text[])""";

    /**
     * The transfers among the ids, each with how it ended if it was pending. The ending is looked up per
     * transfer by primary key (a subquery, not a join): a join let the planner hash the whole resolutions
     * table on every batch, a cost that grew with the ledger (37 ms at 100,000 resolutions).
     */
    static final String SELECT_TRANSFERS = "SELECT " + TRANSFER_COLUMNS + ","
            + " (SELECT r.state FROM ledger_pending_resolutions r WHERE r.pending_id = t.id) AS resolution_state"
            + " FROM ledger_transfers t WHERE t.id = ANY (?::text[])";

    static final String COPY_TRANSFERS = """
            COPY ledger_transfers (id, debit_account_id, credit_account_id, amount_minor, unit, kind, pending_id,
                                   timeout_seconds, expires_at, linked, ts, code, program, partner, period, reference)
            FROM STDIN""";

    static final String COPY_RESOLUTIONS = "COPY ledger_pending_resolutions (pending_id, state, resolved_by, resolved_at) FROM STDIN";

    /**
     * Sets balances (migration V22) and returns each row as it was just before, locking the rows in the
     * order of the ids given.
     */
    static final String SET_BALANCES = """
            SELECT account_id, unit, debits_pending_minor, debits_posted_minor, credits_pending_minor, credits_posted_minor
            FROM ledger_set_balances(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])""";

    /**
     * Adds changes to balances (migration V50) and returns each row as it was just before, locking the
     * rows in the order of the ids given.
     */
    static final String ADD_TO_BALANCES = """
            SELECT account_id, unit, debits_pending_minor, debits_posted_minor, credits_pending_minor, credits_posted_minor
            FROM ledger_add_balances(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])""";

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
