-- Writes a batch's balances in one statement and returns what they were just before: the store decides
-- against balances read without a lock, writes the new ones here (which takes the row locks), and
-- compares the returned values with what it read; if any differ it decides again under the locks
-- (docs/ledger.md, "Storage in PostgreSQL"). One statement instead of a SELECT … FOR UPDATE followed by an
-- UPDATE: each row is locked and written once, with one WAL record instead of two.
--
-- The rows are locked in the order of `ids` (the store passes payee accounts by id, then the company's by
-- id: one order for every writer, so none deadlock). That needs the plan to walk the array and look each
-- row up by primary key; a hash join would lock in the table's order. Hence the settings, which hold only
-- while this function runs. They also keep the cost proportional to the batch, not to the accounts.
CREATE FUNCTION ledger_set_balances(ids text[], debits_pending bigint[], debits_posted bigint[],
                                    credits_pending bigint[], credits_posted bigint[])
    RETURNS TABLE (account_id text, unit text, debits_pending_minor bigint, debits_posted_minor bigint,
                   credits_pending_minor bigint, credits_posted_minor bigint)
    LANGUAGE sql
    SET enable_hashjoin = off
    SET enable_mergejoin = off
    SET enable_seqscan = off
AS $$
    UPDATE ledger_balances AS b
    SET debits_pending_minor = v.debits_pending, debits_posted_minor = v.debits_posted,
        credits_pending_minor = v.credits_pending, credits_posted_minor = v.credits_posted
    FROM unnest(ids, debits_pending, debits_posted, credits_pending, credits_posted)
         AS v(account_id, debits_pending, debits_posted, credits_pending, credits_posted)
    WHERE b.account_id = v.account_id
    RETURNING old.account_id, old.unit, old.debits_pending_minor, old.debits_posted_minor,
              old.credits_pending_minor, old.credits_posted_minor
$$;
