-- An account's transfers are found by account alone: measured on the ledger benchmark, the two indexes on
-- (account, ts) cost about half of the time to COPY a batch of transfers, and indexes on the account
-- alone a third less than that (equal keys are stored once, as a posting list). Balances as of a time
-- and statements filter or sort an account's transfers by time after the lookup.
DROP INDEX ledger_transfers_debit_account;
DROP INDEX ledger_transfers_credit_account;
CREATE INDEX ledger_transfers_debit_account ON ledger_transfers (debit_account_id);
CREATE INDEX ledger_transfers_credit_account ON ledger_transfers (credit_account_id);
