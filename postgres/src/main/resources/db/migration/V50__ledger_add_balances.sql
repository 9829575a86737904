-- Adds a batch's changes to its balances in one statement and returns what they were just before: the
-- optimistic write of the ledger store (docs/ledger.md, "Storage in PostgreSQL"). V22's
-- ledger_set_balances writes absolute values, so when another writer had changed a row since it was
-- read (with two writers, the company's incentive expense row on nearly every batch) the store had to
-- decide again and write that row a second time; adding the batch's change to whatever the row holds
-- is right whatever it holds, so it is written once. The store still compares the returned values with
-- what it decided on and decides again if they differ; a sum past bigint (22003) or a balance
-- constraint that the added change breaks (23514) makes it start over under locks.
--
-- Rows are locked in the order of `ids`, as in V22 (payee accounts by id, then the company's by id),
-- hence the same planner settings, which hold only while this function runs.
CREATE FUNCTION ledger_add_balances(ids text[], debits_pending bigint[], debits_posted bigint[],
                                    credits_pending bigint[], credits_posted bigint[])
    RETURNS TABLE (account_id text, unit text, debits_pending_minor bigint, debits_posted_minor bigint,
                   credits_pending_minor bigint, credits_posted_minor bigint)
    LANGUAGE sql
    SET enable_hashjoin = off
    SET enable_mergejoin = off
    SET enable_seqscan = off
AS $$
    UPDATE ledger_balances AS b
    SET debits_pending_minor = b.debits_pending_minor + v.debits_pending,
        debits_posted_minor = b.debits_posted_minor + v.debits_posted,
        credits_pending_minor = b.credits_pending_minor + v.credits_pending,
        credits_posted_minor = b.credits_posted_minor + v.credits_posted
    FROM unnest(ids, debits_pending, debits_posted, credits_pending, credits_posted)
         AS v(account_id, debits_pending, debits_posted, credits_pending, credits_posted)
    WHERE b.account_id = v.account_id
    RETURNING old.account_id, old.unit, old.debits_pending_minor, old.debits_posted_minor,
              old.credits_pending_minor, old.credits_posted_minor
$$;
