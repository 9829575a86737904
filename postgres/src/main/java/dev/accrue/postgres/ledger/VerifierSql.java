package dev.accrue.postgres.ledger;

import java.util.List;

/** The verifier's checks: each query returns one line per difference found, none when the ledger is sound. */
final class VerifierSql {
    private VerifierSql() {}

    /** Balances recomputed from the transfers and resolutions, compared with the stored cache. */
    static final String BALANCES_MATCH_TRANSFERS = """
            WITH moves AS (
                SELECT t.debit_account_id AS account_id, true AS debit, t.kind, t.amount_minor, t.id FROM ledger_transfers t
                WHERE t.kind <> 'void_pending'
                UNION ALL
                SELECT t.credit_account_id, false, t.kind, t.amount_minor, t.id FROM ledger_transfers t
                WHERE t.kind <> 'void_pending'
            ), recomputed AS (
                SELECT m.account_id,
                       coalesce(sum(m.amount_minor) FILTER (WHERE m.debit AND m.kind = 'pending' AND r.pending_id IS NULL), 0) AS dp,
                       coalesce(sum(m.amount_minor) FILTER (WHERE m.debit AND m.kind <> 'pending'), 0) AS dpo,
                       coalesce(sum(m.amount_minor) FILTER (WHERE NOT m.debit AND m.kind = 'pending' AND r.pending_id IS NULL), 0) AS cp,
                       coalesce(sum(m.amount_minor) FILTER (WHERE NOT m.debit AND m.kind <> 'pending'), 0) AS cpo
                FROM moves m LEFT JOIN ledger_pending_resolutions r ON r.pending_id = m.id
                GROUP BY m.account_id
            )
            SELECT format('balance of %s: %s; the transfers give %s, %s, %s, %s',
                          coalesce(b.account_id, x.account_id),
                          CASE WHEN b.account_id IS NULL THEN 'none stored'
                               ELSE format('stored debits pending %s, posted %s, credits pending %s, posted %s',
                                           b.debits_pending_minor, b.debits_posted_minor, b.credits_pending_minor, b.credits_posted_minor) END,
                          coalesce(x.dp, 0), coalesce(x.dpo, 0), coalesce(x.cp, 0), coalesce(x.cpo, 0))
            FROM ledger_balances b FULL JOIN recomputed x ON x.account_id = b.account_id
            WHERE b.account_id IS NULL
               OR b.debits_pending_minor <> coalesce(x.dp, 0) OR b.debits_posted_minor <> coalesce(x.dpo, 0)
               OR b.credits_pending_minor <> coalesce(x.cp, 0) OR b.credits_posted_minor <> coalesce(x.cpo, 0)
            ORDER BY 1""";

    static final String DEBITS_EQUAL_CREDITS = """
            SELECT format('unit %s: stored debits pending %s vs credits pending %s, debits posted %s vs credits posted %s',
                          unit, sum(debits_pending_minor), sum(credits_pending_minor), sum(debits_posted_minor), sum(credits_posted_minor))
            FROM ledger_balances GROUP BY unit
            HAVING sum(debits_pending_minor) <> sum(credits_pending_minor) OR sum(debits_posted_minor) <> sum(credits_posted_minor)
            ORDER BY unit""";

    static final String EVERY_ACCOUNT_HAS_ITS_BALANCE = """
            SELECT format('account %s: balance row %s', a.id,
                          CASE WHEN b.account_id IS NULL THEN 'missing' ELSE 'has other unit or flags' END)
            FROM ledger_accounts a LEFT JOIN ledger_balances b ON b.account_id = a.id
            WHERE b.account_id IS NULL OR b.unit <> a.unit
               OR b.debits_must_not_exceed_credits <> a.debits_must_not_exceed_credits
               OR b.credits_must_not_exceed_debits <> a.credits_must_not_exceed_debits
            ORDER BY a.id""";

    static final String TRANSFERS_IN_THEIR_ACCOUNTS_UNIT = """
            SELECT format('transfer %s in %s between accounts in %s and %s', t.id, t.unit, d.unit, c.unit)
            FROM ledger_transfers t
            JOIN ledger_accounts d ON d.id = t.debit_account_id
            JOIN ledger_accounts c ON c.id = t.credit_account_id
            WHERE t.unit <> d.unit OR t.unit <> c.unit
            ORDER BY t.id""";

    /** Every transfer names accounts that exist (there are no foreign keys: see V20__ledger.sql). */
    static final String TRANSFERS_NAME_EXISTING_ACCOUNTS = """
            SELECT format('transfer %s names an account that does not exist: %s', t.id,
                          CASE WHEN d.id IS NULL THEN t.debit_account_id ELSE t.credit_account_id END)
            FROM ledger_transfers t
            LEFT JOIN ledger_accounts d ON d.id = t.debit_account_id
            LEFT JOIN ledger_accounts c ON c.id = t.credit_account_id
            WHERE d.id IS NULL OR c.id IS NULL
            ORDER BY t.id""";

    /** Every recorded ending names a stored pending transfer and a stored resolving transfer. */
    static final String RESOLUTIONS_NAME_EXISTING_TRANSFERS = """
            SELECT format('pending resolution of %s names a transfer that does not exist', r.pending_id)
            FROM ledger_pending_resolutions r
            LEFT JOIN ledger_transfers p ON p.id = r.pending_id
            LEFT JOIN ledger_transfers rt ON rt.id = r.resolved_by
            WHERE p.id IS NULL OR (r.resolved_by IS NOT NULL AND rt.id IS NULL)
            ORDER BY r.pending_id""";

    /** Every post or void ended its pending transfer, and is recorded as what ended it. */
    static final String RESOLVING_TRANSFERS_RECORDED = """
            SELECT format('%s %s of %s is not recorded as ending it%s', t.kind, t.id, t.pending_id,
                          CASE WHEN r.pending_id IS NULL THEN '' ELSE ' (recorded: ' || r.state || ' by ' || coalesce(r.resolved_by, 'expiry') || ')' END)
            FROM ledger_transfers t LEFT JOIN ledger_pending_resolutions r ON r.pending_id = t.pending_id
            WHERE t.kind IN ('post_pending', 'void_pending') AND (r.resolved_by IS DISTINCT FROM t.id)
            ORDER BY t.id""";

    /** Every recorded ending matches its pending transfer and the transfer that ended it. */
    static final String RESOLUTIONS_CONSISTENT = """
            SELECT format('pending transfer %s recorded %s: %s', r.pending_id, r.state, problem)
            FROM ledger_pending_resolutions r
            JOIN ledger_transfers p ON p.id = r.pending_id
            LEFT JOIN ledger_transfers rt ON rt.id = r.resolved_by
            CROSS JOIN LATERAL (SELECT CASE
                WHEN p.kind <> 'pending' THEN 'it is a ' || p.kind || ' transfer, not a pending one'
                WHEN r.state = 'expired' AND (p.expires_at IS NULL OR p.expires_at <> r.resolved_at) THEN 'expired at other than its timeout'
                WHEN r.state = 'expired' THEN NULL
                WHEN rt.pending_id IS DISTINCT FROM p.id THEN 'by ' || r.resolved_by || ', which resolves another transfer'
                WHEN r.state = 'posted' AND rt.kind <> 'post_pending' THEN 'by a ' || rt.kind
                WHEN r.state = 'voided' AND rt.kind <> 'void_pending' THEN 'by a ' || rt.kind
                WHEN rt.debit_account_id <> p.debit_account_id OR rt.credit_account_id <> p.credit_account_id THEN 'by a transfer between other accounts'
                WHEN r.state = 'posted' AND rt.amount_minor > p.amount_minor THEN 'posting more than was pending'
                WHEN r.state = 'voided' AND rt.amount_minor <> p.amount_minor THEN 'voiding another amount than was pending'
                WHEN rt.ts <> r.resolved_at THEN 'at other than the resolving transfer''s time'
                WHEN rt.ts < p.ts THEN 'before the pending transfer'
                END AS problem) check_row
            WHERE problem IS NOT NULL
            ORDER BY r.pending_id""";

    static final String BALANCE_CONSTRAINTS_HOLD = """
            SELECT format('balance of %s breaks its constraint: debits pending %s, posted %s, credits pending %s, posted %s',
                          account_id, debits_pending_minor, debits_posted_minor, credits_pending_minor, credits_posted_minor)
            FROM ledger_balances
            WHERE (debits_must_not_exceed_credits AND debits_pending_minor + debits_posted_minor > credits_posted_minor)
               OR (credits_must_not_exceed_debits AND credits_pending_minor + credits_posted_minor > debits_posted_minor)
            ORDER BY account_id""";

    static final List<String> CHECKS = List.of(BALANCES_MATCH_TRANSFERS, DEBITS_EQUAL_CREDITS, EVERY_ACCOUNT_HAS_ITS_BALANCE,
            TRANSFERS_NAME_EXISTING_ACCOUNTS, RESOLUTIONS_NAME_EXISTING_TRANSFERS, TRANSFERS_IN_THEIR_ACCOUNTS_UNIT, RESOLVING_TRANSFERS_RECORDED, RESOLUTIONS_CONSISTENT, BALANCE_CONSTRAINTS_HOLD);

    static final String COUNTS = """
            SELECT (SELECT count(*) FROM ledger_accounts),
                   (SELECT count(*) FROM ledger_transfers),
                   (SELECT count(*) FROM ledger_transfers t WHERE t.kind = 'pending'
                        AND NOT EXISTS (SELECT 1 FROM ledger_pending_resolutions r WHERE r.pending_id = t.id)),
                   (SELECT count(*) FROM ledger_pending_resolutions WHERE state = 'posted'),
                   (SELECT count(*) FROM ledger_pending_resolutions WHERE state = 'voided'),
                   (SELECT count(*) FROM ledger_pending_resolutions WHERE state = 'expired')""";
}
